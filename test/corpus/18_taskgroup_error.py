import asyncio


async def bad():
    await asyncio.sleep(1)
    raise RuntimeError("task failed")


async def good():
    await asyncio.sleep(3)
    print("never finishes")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad())
            tg.create_task(good())
    except* RuntimeError as group:
        print(f"caught {len(group.exceptions)} error")


asyncio.run(main())
