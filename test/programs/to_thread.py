import asyncio
import time

def blocking_io():
    print(f"start blocking_io at {time.strftime('%X')}")
    time.sleep(1)
    print(f"blocking_io complete at {time.strftime('%X')}")
    return 42

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.4)
        print("tick", i)

async def main():
    print(f"started main at {time.strftime('%X')}")
    loop = asyncio.get_running_loop()
    s = loop.time()
    r = await asyncio.gather(asyncio.to_thread(blocking_io), asyncio.sleep(1), ticker(), loop.run_in_executor(None, time.sleep, 0.5))
    print(r[0], round(loop.time() - s, 1))
    print(f"finished main at {time.strftime('%X')}")

asyncio.run(main())
