# Timers due at the same virtual time run in the order they were scheduled:
# natively the one scheduled first is due a few microseconds earlier.
import asyncio

order = []


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    order.append(name)
    print(name, "woke", len(order))


async def main():
    delays = [0.6, 0.1, 0.3, 0.6, 0.6, 0.2, 0.6, 0.3, 0.6]
    tasks = [asyncio.create_task(sleeper(f"t{i}", d)) for i, d in enumerate(delays)]
    await asyncio.sleep(0.3)
    tasks.append(asyncio.create_task(sleeper("late", 0.3)))
    await asyncio.gather(*tasks)
    print(order)


asyncio.run(main())
