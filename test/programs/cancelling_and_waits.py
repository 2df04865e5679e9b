# Cancelling: cancelling()/uncancel(), wait(FIRST_EXCEPTION), and a timeout rescheduled earlier.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        task = asyncio.current_task()
        print("cancelling:", task.cancelling())
        task.uncancel()
        print("after uncancel:", task.cancelling())
        await asyncio.sleep(1)
        return "finished anyway"


async def failing(n):
    await asyncio.sleep(n)
    raise ValueError(f"boom {n}")


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel("please stop")
    print(await t)
    tasks = [asyncio.create_task(failing(n)) for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), [str(d.exception()) for d in done])
    for p in pending:
        p.cancel()
    await asyncio.wait(pending)
    print([p.cancelled() for p in pending])
    async with asyncio.timeout(5) as cm:
        print("deadline in", round(cm.when() - asyncio.get_running_loop().time()))
        cm.reschedule(asyncio.get_running_loop().time() + 1)
        try:
            await asyncio.sleep(2)
        except asyncio.CancelledError:
            print("cancelled inside the timeout")
            raise
    print("never here")


try:
    asyncio.run(main())
except TimeoutError:
    print("TimeoutError after the reschedule")
