# A task still pending when its loop is closed: natively "Task was destroyed but it is pending!"
# is printed when the task is garbage collected, at the latest at interpreter exit.
import asyncio


async def forever():
    await asyncio.sleep(3600)


loop = asyncio.new_event_loop()
task = loop.create_task(forever())
fut = loop.create_future()
print(fut)
loop.run_until_complete(asyncio.sleep(1))
print(task)
print("closing the loop")
loop.close()
del task
print("done")
