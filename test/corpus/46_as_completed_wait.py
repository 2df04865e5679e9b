import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n


async def main():
    tasks = [asyncio.create_task(job(n)) for n in (3, 1, 2)]
    for fut in asyncio.as_completed(tasks):
        print(await fut)
    done, pending = await asyncio.wait([asyncio.create_task(job(1)), asyncio.create_task(job(5))], timeout=2)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()


asyncio.run(main())
