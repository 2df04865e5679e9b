# Cancelling the task awaiting to_thread() does not stop the thread: asyncio.run()
# waits for the default executor's threads before it returns.
import asyncio
import time


def slow():
    time.sleep(1)
    print("thread finished anyway")


async def main():
    task = asyncio.create_task(asyncio.to_thread(slow))
    await asyncio.sleep(0.3)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("to_thread task cancelled")
    print("main returns")


asyncio.run(main())
print("after run")
