# The program raises KeyboardInterrupt itself: an uncaught exception like any other
# (traceback, and python3's status for it, 130), not a Stop from the host.
# native_run.py reports every uncaught exception as status 1, so this one is checked by hand.
import asyncio


async def main():
    try:
        await asyncio.sleep(1)
        print("raising KeyboardInterrupt")
        raise KeyboardInterrupt
    finally:
        print("finally runs")


asyncio.run(main())
