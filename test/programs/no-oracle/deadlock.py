# Awaits a future that nothing will ever resolve. Native python3 hangs forever
# (so there is no expected output); the runtime reports a deadlock naming the waiting task.
import asyncio


async def forever_waiting(fut):
    print("waiting for a future nobody resolves")
    await fut


async def main():
    fut = asyncio.get_running_loop().create_future()
    await asyncio.sleep(1)
    await asyncio.create_task(forever_waiting(fut), name="stuck-waiter")


asyncio.run(main())
