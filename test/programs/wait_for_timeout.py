# wait_for() cancels the inner task when the timeout expires and raises TimeoutError.
import asyncio


async def slow(seconds):
    try:
        await asyncio.sleep(seconds)
        return f"slept {seconds}"
    except asyncio.CancelledError:
        print(f"slow({seconds}) was cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await asyncio.wait_for(slow(1), timeout=2))
    print("at", round(loop.time() - start, 1))
    try:
        await asyncio.wait_for(slow(5), timeout=1.5)
    except TimeoutError as exc:
        print("TimeoutError", type(exc).__name__, isinstance(exc, asyncio.TimeoutError))
    print("at", round(loop.time() - start, 1))


asyncio.run(main())
