# A Lock lets one task at a time into the critical section.
import asyncio

balance = 100


async def withdraw(lock, who, amount, start, loop):
    global balance
    async with lock:
        print(f"{who} holds the lock at {round(loop.time() - start, 1)}")
        current = balance
        await asyncio.sleep(0.5)  # the read-modify-write would race without the lock
        balance = current - amount
        print(f"{who} withdrew {amount}, balance {balance}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    lock = asyncio.Lock()
    await asyncio.gather(
        withdraw(lock, "ann", 30, start, loop),
        withdraw(lock, "bob", 20, start, loop),
        withdraw(lock, "cy", 10, start, loop),
    )
    print("final balance", balance, "locked:", lock.locked())


asyncio.run(main())
