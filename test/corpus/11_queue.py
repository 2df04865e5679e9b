import asyncio


async def producer(queue):
    for item in [1, 2, 3]:
        await asyncio.sleep(0.5)
        await queue.put(item)
        print(f"put {item}")
    await queue.put(None)


async def consumer(queue):
    while True:
        item = await queue.get()
        if item is None:
            break
        print(f"got {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue), consumer(queue))


asyncio.run(main())
