# asyncio.wait(..., FIRST_COMPLETED) returns as soon as one task is done.
import asyncio


async def racer(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = {asyncio.create_task(racer(n, s), name=n) for n, s in (("tortoise", 3), ("hare", 1), ("snail", 5))}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", [t.result() for t in done], "at", round(loop.time() - start, 1))
    print("pending:", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, timeout=1)
    print("after 1 more second done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()
    done, _ = await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)
    print("cancelled:", sorted(t.get_name() for t in done if t.cancelled()), "at", round(loop.time() - start, 1))


asyncio.run(main())
