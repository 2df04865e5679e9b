# threading.Lock between threads: a thread that wants the lock another holds waits
# until it is let go; acquire(timeout=...) gives up after its timeout; a non-blocking
# acquire fails at once; the main thread waits for the lock like any other thread.
import threading
import time

lock = threading.Lock()
T0 = time.monotonic()


def stamp(*what):
    print(f"{time.monotonic() - T0:.1f}", *what)


def holder(name, seconds):
    with lock:
        stamp(name, "has the lock")
        time.sleep(seconds)
        stamp(name, "lets go")


def impatient(timeout):
    got = lock.acquire(timeout=timeout)
    stamp("impatient got it:", got)
    if got:
        lock.release()


a = threading.Thread(target=holder, args=("A", 1.0))
a.start()
time.sleep(0.2)
b = threading.Thread(target=holder, args=("B", 0.5))
b.start()
c = threading.Thread(target=impatient, args=(0.3,))
c.start()
stamp("non-blocking:", lock.acquire(blocking=False), lock.locked())
b.join()
with lock:
    stamp("main has the lock")
    d = threading.Thread(target=impatient, args=(0.2,))
    time.sleep(0.5)
stamp("main let go", lock.locked())
late = threading.Thread(target=impatient, args=(1,))
late.start()
late.join()
print(repr(lock).split(" object")[0])
