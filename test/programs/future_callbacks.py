# A future resolved later by a timer callback; done callbacks run via the loop.
import asyncio


def report(fut):
    if fut.cancelled():
        print("callback: cancelled")
    elif fut.exception() is not None:
        print("callback: failed with", repr(fut.exception()))
    else:
        print("callback: result", fut.result())


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    fut = loop.create_future()
    fut.add_done_callback(report)
    loop.call_later(1, fut.set_result, 42)
    print("awaiting, done:", fut.done())
    print("got", await fut, "at", round(loop.time() - start, 1))

    bad = loop.create_future()
    bad.add_done_callback(report)
    loop.call_later(0.5, bad.set_exception, KeyError("missing"))
    try:
        await bad
    except KeyError as exc:
        print("await raised", repr(exc), "at", round(loop.time() - start, 1))

    gone = loop.create_future()
    gone.add_done_callback(report)
    gone.add_done_callback(lambda f: print("second callback"))
    print("removed callbacks:", gone.remove_done_callback(report))
    gone.cancel()
    await asyncio.sleep(0)
    try:
        gone.result()
    except asyncio.CancelledError:
        print("result() of a cancelled future raises CancelledError")


asyncio.run(main())
