# Tasks wait on an Event until another task sets it.
import asyncio


async def waiter(name, event, start, loop):
    print(f"{name} waits")
    await event.wait()
    print(f"{name} woke at {round(loop.time() - start, 1)}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event, start, loop)) for n in ("w1", "w2")]
    await asyncio.sleep(1.5)
    print("setting the event, is_set:", event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    await waiter("late", event, start, loop)
    event.clear()
    print("cleared, is_set:", event.is_set())


asyncio.run(main())
