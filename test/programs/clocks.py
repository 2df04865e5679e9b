# The clocks a program can read all advance together, though they start at
# different points.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    t0 = (time.time(), time.monotonic(), time.perf_counter(), loop.time())
    await asyncio.sleep(1.5)
    time.sleep(0.5)
    t1 = (time.time(), time.monotonic(), time.perf_counter(), loop.time())
    for name, a, b in zip(("time", "monotonic", "perf_counter", "loop.time"), t0, t1):
        print(f"{name}: +{round(b - a, 1)}")
    print("time.time() is a date:", time.time() > 1_600_000_000)
    print("time.time() is far from monotonic():", abs(time.time() - time.monotonic()) > 1_000_000)


asyncio.run(main())
