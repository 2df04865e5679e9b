# What asyncio.run() does for you, written out with the low-level API:
# make an event loop, run the coroutine until it completes, close the loop.
# (Older code calls asyncio.get_event_loop() here; since Python 3.12 that is
# deprecated outside a running loop, so new code makes its own loop.)
import asyncio


async def main():
    print("hello")
    await asyncio.sleep(1)
    print("world")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    loop.run_until_complete(main())
finally:
    asyncio.set_event_loop(None)
    loop.close()
print(f"loop closed: {loop.is_closed()}")
