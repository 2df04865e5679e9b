import asyncio


async def ticker(start):
    loop = asyncio.get_running_loop()
    while True:
        await asyncio.sleep(0.5)
        print(f"  tick at {loop.time() - start:.1f} s")


async def run_with(worker, label):
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"{label}:")
    tick = asyncio.create_task(ticker(start))
    await asyncio.sleep(0)
    await worker()
    print(f"  worker done at {loop.time() - start:.1f} s")
    await asyncio.sleep(0.7)
    tick.cancel()


async def blocking_worker():
    await asyncio.sleep(2)


async def non_blocking_worker():
    await asyncio.sleep(2)


async def main():
    await run_with(blocking_worker, "time.sleep(2) blocks the loop")
    await run_with(non_blocking_worker, "asyncio.sleep(2) lets others run")


asyncio.run(main())
