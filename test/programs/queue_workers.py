# A producer fills a bounded queue; two consumers take jobs; join() waits until
# every job is marked done.
import asyncio


async def producer(queue, start, loop):
    for job in range(6):
        await queue.put(job)
        print(f"put job {job} at {round(loop.time() - start, 1)} (size {queue.qsize()})")
        await asyncio.sleep(0.2)


async def consumer(name, queue, seconds, start, loop):
    while True:
        job = await queue.get()
        await asyncio.sleep(seconds)
        print(f"{name} finished job {job} at {round(loop.time() - start, 1)}")
        queue.task_done()


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue = asyncio.Queue(maxsize=2)
    consumers = [
        asyncio.create_task(consumer("fast", queue, 0.5, start, loop)),
        asyncio.create_task(consumer("slow", queue, 1.3, start, loop)),
    ]
    await producer(queue, start, loop)
    await queue.join()
    print("all jobs done at", round(loop.time() - start, 1), "empty:", queue.empty())
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print("consumers stopped")


asyncio.run(main())
