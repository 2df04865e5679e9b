# Awaiting coroutines one after another runs them one after another:
# 3 s + 4 s, so the program takes about 7 seconds.
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    # '%X' is the locale's time format, e.g. 09:30:00.
    print(f"started at {time.strftime('%X')}")

    await say_after(3, "hello")
    await say_after(4, "world")

    print(f"finished at {time.strftime('%X')}")


asyncio.run(main())
