import asyncio
import functools


def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*args):
        print(f"calling {fn.__name__}{args}")
        return await fn(*args)
    return wrapper


@logged
async def double(x):
    await asyncio.sleep(0.5)
    return x * 2


async def main():
    print(await double(21))


asyncio.run(main())
