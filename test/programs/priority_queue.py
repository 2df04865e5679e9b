# PriorityQueue with maxsize and two consumers, LifoQueue order, join/task_done, QueueEmpty.
import asyncio


async def producer(q):
    for prio, job in ((3, "low"), (1, "urgent"), (2, "normal"), (1, "urgent-2")):
        await q.put((prio, job))
        print("put", prio, job, "size", q.qsize())
        await asyncio.sleep(0.1)


async def consumer(q, name):
    while True:
        prio, job = await q.get()
        print(name, "got", prio, job)
        await asyncio.sleep(0.5)
        q.task_done()


async def main():
    q = asyncio.PriorityQueue(maxsize=2)
    lifo = asyncio.LifoQueue()
    for i in range(3):
        lifo.put_nowait(i)
    print([lifo.get_nowait() for _ in range(3)])
    consumers = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    await producer(q)
    await q.join()
    print("all done", q.empty())
    for c in consumers:
        c.cancel()
    print(await asyncio.gather(*consumers, return_exceptions=True))
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


asyncio.run(main())
