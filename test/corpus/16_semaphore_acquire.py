import asyncio


async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    print("acquired")
    sem.release()
    print("released")


asyncio.run(main())
