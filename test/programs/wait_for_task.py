# asyncio.wait_for() as in Python 3.11: a coroutine runs in a task of its own
# (its name uses up a number); with no timeout it is awaited directly; a zero
# timeout cancels it before it starts; cancelling the caller cancels it too.
import asyncio


async def job(n):
    print("job runs in", asyncio.current_task().get_name())
    await asyncio.sleep(n)
    return n * 10


async def main():
    print(await asyncio.wait_for(job(1), timeout=2))
    print(await asyncio.wait_for(job(0.5), timeout=None))
    try:
        await asyncio.wait_for(job(3), timeout=1)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.current_task().get_name())
    try:
        await asyncio.wait_for(job(1), timeout=0)
    except TimeoutError:
        print("zero timeout")
    t = asyncio.create_task(job(0.2))
    print(t.get_name(), await asyncio.wait_for(t, 1))
    outer = asyncio.create_task(asyncio.wait_for(job(5), 10))
    await asyncio.sleep(1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", outer.cancelled())
    print(sorted(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())
