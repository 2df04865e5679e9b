# A Future is a low-level awaitable that holds a result which will be set later.
# call_soon() only schedules the callback: it runs the next time the loop gets
# control. main() never yields to the loop (the future is already done when it is
# awaited), so "hello world" comes last.
import asyncio


def function_that_returns_a_future_object():
    print("future object function~!")
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print("hello world"))
    future = loop.create_future()
    future.set_result("success")
    return future


async def main():
    result = await function_that_returns_a_future_object()
    print(result)
    print("AAAAAAAA")
    print("BBBBBBBB")
    print("CCCCCCCC")


asyncio.run(main())
