# create_task() wraps a coroutine in a Task and schedules it at once.
# Both tasks wait at the same time, so the program takes 4 s instead of 7 s.
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    task1 = asyncio.create_task(say_after(3, "hello"))
    task2 = asyncio.create_task(say_after(4, "world"))

    print(f"started at {time.strftime('%X')}")

    # The tasks are already running; awaiting them only waits for them to finish.
    await task1
    await task2

    print(f"finished at {time.strftime('%X')}")


asyncio.run(main())
