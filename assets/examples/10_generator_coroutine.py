# Before async/await, coroutines were generators decorated with @asyncio.coroutine
# that waited with `yield from`. That style was deprecated in Python 3.8 and
# removed in Python 3.11: the decorator no longer exists, so this program stops
# with "AttributeError: module 'asyncio' has no attribute 'coroutine'" and exit
# status 1. Write `async def` and `await` instead, as in the other lessons.
import asyncio

print("defining an old-style coroutine...")


@asyncio.coroutine
def old_style_coroutine():
    yield from asyncio.sleep(1)


async def main():
    await old_style_coroutine()


asyncio.run(main())
