import asyncio


async def waiter(event):
    print("waiting for the event")
    await event.wait()
    print("event happened")


async def main():
    event = asyncio.Event()
    task = asyncio.create_task(waiter(event))
    await asyncio.sleep(2)
    event.set()
    await task
    print(event.is_set())
    event.clear()
    print(event.is_set())


asyncio.run(main())
