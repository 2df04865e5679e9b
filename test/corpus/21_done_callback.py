import asyncio


def on_done(task):
    print(f"done callback: {task.result()}")


async def compute():
    await asyncio.sleep(1)
    return "computed"


async def main():
    task = asyncio.create_task(compute())
    task.add_done_callback(on_done)
    await task
    await asyncio.sleep(0)
    print(task.done())


asyncio.run(main())
