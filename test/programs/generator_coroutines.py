# Generator-based coroutines (@types.coroutine), as Python 3.11 takes them: asyncio.run(),
# create_task(), gather() and wait_for() accept one, and asyncio.iscoroutine() says True.
import asyncio, types

@types.coroutine
def old_style(n):
    yield from asyncio.sleep(n)
    print("old style slept", n)
    return n

async def main():
    print(asyncio.iscoroutine(old_style(0)))
    t = asyncio.create_task(old_style(0.5))
    print(await t)
    print(await asyncio.gather(old_style(0.2), old_style(0.1)))
    print(await asyncio.wait_for(old_style(0.1), 1))

print(asyncio.run(old_style(0.3)))
asyncio.run(main())
