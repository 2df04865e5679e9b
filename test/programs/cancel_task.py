# Cancelling a task: the task sees CancelledError (with the message) at its await,
# may clean up, and whoever awaits it sees CancelledError too.
import asyncio


async def worker(name):
    try:
        print(f"{name} starts")
        await asyncio.sleep(10)
        print(f"{name} finished (not expected)")
    except asyncio.CancelledError as exc:
        print(f"{name} cancelled with {exc.args}")
        await asyncio.sleep(0.5)
        print(f"{name} cleaned up")
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallows the cancellation")
    return "stubborn result"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    a = asyncio.create_task(worker("a"))
    b = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    print("cancel requested:", a.cancel("enough"))
    b.cancel()
    try:
        await a
    except asyncio.CancelledError:
        print(f"awaiting a raised CancelledError at {round(loop.time() - start, 1)}")
    print("a.cancelled():", a.cancelled(), "a.done():", a.done())
    print("b result:", await b, "b.cancelled():", b.cancelled())
    print("cancel a finished task:", a.cancel())


asyncio.run(main())
