# shield() keeps an inner task running when the outer await is cancelled.
import asyncio


async def save(start, loop):
    await asyncio.sleep(2)
    print("saved at", round(loop.time() - start, 1))
    return "saved"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    inner = asyncio.create_task(save(start, loop))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except TimeoutError:
        print("outer wait gave up at", round(loop.time() - start, 1), "inner cancelled:", inner.cancelled())
    print("inner result:", await inner)


asyncio.run(main())
