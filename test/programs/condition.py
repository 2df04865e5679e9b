# Consumers wait on a Condition until the producer has added items and notified them.
import asyncio

items = []


async def consumer(name, cond, start, loop):
    async with cond:
        await cond.wait_for(lambda: items)
        item = items.pop(0)
        print(f"{name} got {item} at {round(loop.time() - start, 1)}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    cond = asyncio.Condition()
    consumers = [asyncio.create_task(consumer(f"c{i}", cond, start, loop)) for i in range(3)]
    for item in ("apple", "pear", "plum"):
        await asyncio.sleep(1)
        async with cond:
            items.append(item)
            cond.notify(1)
    await asyncio.gather(*consumers)
    async with cond:
        cond.notify_all()  # nobody waits: nothing happens
    print("left over:", items)


asyncio.run(main())
