import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    closer = asyncio.create_task(say_after(2, "world"), name="closer")
    greeter = asyncio.create_task(say_after(1, "hello"), name="greeter")
    helper = asyncio.create_task(say_after(1, "!"), name="helper")
    await greeter
    await closer
    await helper


asyncio.run(main())
