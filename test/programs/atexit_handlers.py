# atexit handlers run as the program ends: after its threads, the last registered first,
# and once per run.
import asyncio
import atexit
import threading
import time

START = time.monotonic()


def bye(who):
    print("bye from", who, "at", round(time.monotonic() - START, 1))


def worker():
    time.sleep(2)
    print("thread done")


async def main():
    threading.Thread(target=worker).start()
    await asyncio.sleep(1)
    print("main done")


atexit.register(bye, "the first registered")
atexit.register(bye, "the second registered")
asyncio.run(main())
