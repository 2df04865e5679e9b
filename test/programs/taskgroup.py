# A TaskGroup waits for all its tasks; when one fails, the others are cancelled
# and the failures come out together as an ExceptionGroup.
import asyncio


async def job(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("one", 1))
        t2 = tg.create_task(job("two", 2))
    print("results", t1.result(), t2.result(), "at", round(loop.time() - start, 1))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("ok", 0.5))
            tg.create_task(job("bad", 1, fail=True))
            tg.create_task(job("long", 5))
    except* ValueError as eg:
        print("caught", repr(eg))
        print("messages", [str(e) for e in eg.exceptions])
    print("second group over at", round(loop.time() - start, 1))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 1, fail=True))
            tg.create_task(job("b", 1, fail=True))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg.message, sorted(str(e) for e in eg.exceptions))


asyncio.run(main())
