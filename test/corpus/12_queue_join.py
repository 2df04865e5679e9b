import asyncio


async def worker(name, queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(job)
        print(f"{name} did a {job} s job")
        queue.task_done()


async def main():
    queue = asyncio.Queue(10)
    for job in [1, 2, 1, 3]:
        await queue.put(job)
    w1 = asyncio.create_task(worker("w1", queue))
    w2 = asyncio.create_task(worker("w2", queue))
    await queue.join()
    w1.cancel()
    w2.cancel()
    print("all jobs done")


asyncio.run(main())
