import asyncio


async def main():
    print(1.0)
    print(0.1 + 0.2)
    print(1e3)
    print(0x10)
    print(-5)
    print(10 // 3, 10 % 3)
    print('single "double" inside')
    print("both ' and \" inside")
    print("tab\there")
    print("")
    print(b"bytes")
    print(r"raw\n")
    await asyncio.sleep(0)


asyncio.run(main())
