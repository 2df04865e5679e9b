import asyncio


async def job():
    await asyncio.sleep(1)


async def main():
    task = asyncio.create_task(job())
    task.set_name("renamed")
    print(task.get_name())
    await task


asyncio.run(main())
