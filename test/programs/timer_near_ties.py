# Timers whose delays add up to "the same" time in decimal but not quite in binary
# floating point (0.1 * 3 > 0.3, 0.7 + 0.2 < 0.9): natively the microseconds that pass
# between schedulings decide their order, not the rounding, so the one scheduled
# first runs first.
import asyncio

order = []


async def sleeper(name, *delays):
    for delay in delays:
        await asyncio.sleep(delay)
    order.append(name)


async def main():
    await asyncio.gather(sleeper("0.1 * 3", 0.1 * 3), sleeper("0.3", 0.3))
    print(order)
    order.clear()
    await asyncio.gather(sleeper("0.9", 0.9), sleeper("0.7 then 0.2", 0.7, 0.2))
    print(order)
    order.clear()
    await asyncio.gather(sleeper("0.1 three times", 0.1, 0.1, 0.1), sleeper("0.3 at once", 0.3))
    print(order)
    order.clear()
    await asyncio.gather(sleeper("0.2 then 0.1", 0.2, 0.1), sleeper("0.1 then 0.2", 0.1, 0.2), sleeper("0.3 last", 0.3))
    print(order)


asyncio.run(main())
