# More of Python 3.11's asyncio, where later versions changed what a program sees:
# get_event_loop() makes a loop only in the main thread and only until asyncio.run()
# has set one; a Condition's notification to a waiter cancelled before it ran is lost;
# a shielded task that fails after its shield was cancelled is an exception never retrieved.
import asyncio
import threading


def in_a_thread():
    try:
        asyncio.get_event_loop()
        print("the thread got a loop")
    except RuntimeError as e:
        print("thread:", e)


async def waiter(cond, name):
    try:
        async with cond:
            await cond.wait()
            print(name, "woke")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def fails():
    await asyncio.sleep(0.2)
    raise ValueError("inner failed")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, context: print("handler:", context["message"]))

    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "A"))
    b = asyncio.create_task(waiter(cond, "B"))
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify(1)  # wakes A, which is cancelled before it runs
    a.cancel()
    await asyncio.sleep(0.1)
    print("B woke?", b.done())
    b.cancel()
    await asyncio.sleep(0)

    outer = asyncio.shield(asyncio.create_task(fails()))
    await asyncio.sleep(0.1)
    outer.cancel()
    await asyncio.sleep(0.3)
    print("end of main")


thread = threading.Thread(target=in_a_thread)
thread.start()
thread.join()
asyncio.run(main())
try:
    asyncio.get_event_loop()
    print("after asyncio.run: got a loop")
except RuntimeError as e:
    print("after asyncio.run:", e)
