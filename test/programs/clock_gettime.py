# time.clock_gettime() reads the same clocks as time.time() and time.monotonic().
import asyncio
import time


async def main():
    mono, wall = time.clock_gettime(time.CLOCK_MONOTONIC), time.clock_gettime(time.CLOCK_REALTIME)
    mono_ns = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    await asyncio.sleep(1.5)
    print("monotonic", round(time.clock_gettime(time.CLOCK_MONOTONIC) - mono, 1))
    print("realtime", round(time.clock_gettime(time.CLOCK_REALTIME) - wall, 1))
    print("monotonic ns", round((time.clock_gettime_ns(time.CLOCK_MONOTONIC) - mono_ns) / 1e9, 1))
    print("close to time.time()", abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 0.01)


asyncio.run(main())
