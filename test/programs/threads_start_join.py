# threading.Thread: threads sleep and print at their own times; join() waits
# for them; a daemon thread still running at the end is cut off.
import threading
import time


def worker(name, delay):
    print(f"{name} starts in {threading.current_thread().name}")
    time.sleep(delay)
    print(f"{name} done after {delay} s")


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"counter-{n}")
        self.n = n

    def run(self):
        for i in range(self.n):
            time.sleep(0.7)
            print(self.name, "counts", i)


def failing():
    time.sleep(0.3)
    raise ValueError("a thread failed")


threads = [threading.Thread(target=worker, args=(f"w{i}", 1 + i)) for i in range(2)]
threads.append(Counter(3))
threads.append(threading.Thread(target=failing))
start = time.monotonic()
for t in threads:
    t.start()
    time.sleep(0.1)
print("alive:", [t.is_alive() for t in threads], threading.current_thread().name)
threads[1].join(timeout=0.5)
print(f"join timed out at {time.monotonic() - start:.1f} s, still alive: {threads[1].is_alive()}")
for t in threads:
    t.join()
print(f"all joined at {time.monotonic() - start:.1f} s")
threading.Thread(target=worker, args=("daemon", 5), daemon=True).start()
time.sleep(0.2)
threading.Thread(target=worker, args=("last", 1.5)).start()
time.sleep(0.2)
print("main ends; the interpreter waits for 'last' only")
