# threading.RLock between threads: the thread holding it takes it again without
# waiting; another thread waits until it has been let go as often as it was taken;
# acquire(timeout=...) gives up after its timeout; a Condition's own lock is one.
import threading
import time

lock = threading.RLock()
T0 = time.monotonic()


def stamp(*what):
    print(f"{time.monotonic() - T0:.1f}", *what)


def nested(name):
    with lock:
        with lock:
            stamp(name, "has it twice")
            time.sleep(0.3)
        time.sleep(0.2)
        stamp(name, "lets go")


def impatient(timeout):
    got = lock.acquire(timeout=timeout)
    stamp("impatient got it:", got)
    if got:
        lock.release()


threads = [threading.Thread(target=nested, args=(n,)) for n in "AB"]
for t in threads:
    t.start()
c = threading.Thread(target=impatient, args=(0.2,))
c.start()
for t in threads + [c]:
    t.join()
with lock:
    stamp("main has it", lock._is_owned())
stamp("main let go", lock._is_owned())
try:
    lock.release()
except RuntimeError as e:
    stamp("error:", e)
with lock:
    try:
        lock.acquire(blocking=False, timeout=1)  # even by its holder
    except ValueError as e:
        stamp("error:", e)
cond = threading.Condition()
with cond:
    cond.wait(0.5)
stamp("waited on a condition")
print(repr(lock).split(" owner")[0])
