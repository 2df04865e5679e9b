# A program that makes, runs and closes its own event loop.
import asyncio


async def compute(x):
    await asyncio.sleep(x)
    return x * 10


async def both():
    return await asyncio.gather(compute(0.5), compute(2))


loop = asyncio.new_event_loop()
try:
    start = loop.time()
    print("first:", loop.run_until_complete(compute(1)))
    print("second:", loop.run_until_complete(both()))
    print("elapsed", round(loop.time() - start, 1), "running:", loop.is_running())
finally:
    loop.close()
print("closed:", loop.is_closed())
late = compute(1)
try:
    loop.run_until_complete(late)
except RuntimeError as exc:
    print("RuntimeError:", exc)
late.close()
