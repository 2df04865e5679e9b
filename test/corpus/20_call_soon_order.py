import asyncio


def callback(label):
    print(f"callback {label}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(callback, "one")
    loop.call_soon(callback, "two")
    print("before yielding")
    await asyncio.sleep(0)
    print("after yielding")


asyncio.run(main())
