import asyncio


async def forever():
    try:
        while True:
            await asyncio.sleep(1)
            print("tick")
    except asyncio.CancelledError:
        print("cleaning up")
        raise


async def main():
    task = asyncio.create_task(forever())
    await asyncio.sleep(3.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError as e:
        print("main saw the cancel")


asyncio.run(main())
