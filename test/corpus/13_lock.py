import asyncio

counter = 0


async def add(lock, name):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0.1)
        counter = value + 1
        print(f"{name} -> {counter}")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(add(lock, "a"), add(lock, "b"), add(lock, "c"))
    print(counter)


asyncio.run(main())
