# threading.Timer on the virtual clock: its function runs when the interval is over,
# unless cancel() came first; join() and is_alive() follow it; the program waits
# for a timer still pending at its end (unless it is a daemon), and an event loop
# running meanwhile sees it fire on time.
import asyncio
import threading
import time

start = time.monotonic()


def since():
    return f"{time.monotonic() - start:.1f}"


def report(name, pause=0.0, **extra):
    time.sleep(pause)
    print("fired", name, since(), extra or "")


cancelled = threading.Timer(0.5, report, args=("cancelled",))
cancelled.start()
slow = threading.Timer(1.0, report, args=("slow",), kwargs={"pause": 0.4, "note": "kw"})
slow.start()
print("alive?", cancelled.is_alive(), slow.is_alive())
time.sleep(0.2)
cancelled.cancel()
print("cancelled at", since(), "alive:", cancelled.is_alive())
cancelled.join()
print("joined the cancelled one at", since())
slow.join()
print("joined slow at", since(), "alive:", slow.is_alive())
slow.cancel()  # too late: nothing changes


async def main():
    t = threading.Timer(0.3, report, args=("during the loop",))
    t.start()
    for i in range(3):
        await asyncio.sleep(0.2)
        print("loop tick", i, since())


asyncio.run(main())
daemon = threading.Timer(5, report, args=("daemon: never",))
daemon.daemon = True
daemon.start()
threading.Timer(0.6, report, args=("last, after the program's end",), kwargs={"pause": 0.3}).start()
print("end of the program", since())
