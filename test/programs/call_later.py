# call_soon, call_later and call_at schedule plain callbacks on the loop's clock.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    done = loop.create_future()

    def say(what):
        print(what, "at", round(loop.time() - start, 1))

    loop.call_later(2, say, "call_later(2)")
    loop.call_at(start + 1, say, "call_at(start + 1)")
    loop.call_soon(say, "call_soon")
    handle = loop.call_later(1.5, say, "never: cancelled")
    handle.cancel()
    timer = loop.call_later(2.5, done.set_result, None)
    print("timer due in", round(timer.when() - start, 1), "cancelled:", handle.cancelled())
    say("main before await")
    await done
    say("main after await")


asyncio.run(main())
