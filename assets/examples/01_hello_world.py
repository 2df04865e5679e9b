# A coroutine is a function declared with `async def`. `await asyncio.sleep(1)`
# pauses this coroutine for one second and lets the event loop do other work.
import asyncio


async def main():
    print("hello")
    await asyncio.sleep(1)
    print("world")


# asyncio.run() creates an event loop, runs main() to the end, then closes the loop.
asyncio.run(main())
