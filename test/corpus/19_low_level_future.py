import asyncio


def resolve(fut):
    print("resolving")
    fut.set_result(42)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(2, resolve, fut)
    print(await fut)


asyncio.run(main())
