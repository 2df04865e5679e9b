# as_completed() yields results in the order they finish.
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} after {seconds}"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    aws = [fetch("slow", 3), fetch("fast", 1), fetch("medium", 2)]
    for next_done in asyncio.as_completed(aws):
        result = await next_done
        print(result, "at", round(loop.time() - start, 1))
    try:
        for next_done in asyncio.as_completed([fetch("late", 5)], timeout=1):
            await next_done
    except TimeoutError:
        print("as_completed timed out at", round(loop.time() - start, 1))


asyncio.run(main())
