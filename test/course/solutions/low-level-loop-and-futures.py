import asyncio


def function_that_returns_a_future_object():
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print("hello world"))
    future = loop.create_future()
    future.set_result("success")
    return future


async def main():
    result = await function_that_returns_a_future_object()
    print(result)
    await asyncio.sleep(0)
    print("AAAAAAAA")


asyncio.run(main())
