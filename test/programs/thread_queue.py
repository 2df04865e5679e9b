# queue.Queue between threads: items a producer thread puts arrive at the
# times it puts them, for the main thread and for a consumer thread.
import queue
import threading
import time

start = time.monotonic()


def since():
    return f"{time.monotonic() - start:.1f}"


def producer(q, n, pause):
    for i in range(n):
        time.sleep(pause)
        q.put(i)
    q.put(None)


def consumer(q, name):
    while (item := q.get()) is not None:
        print(name, "got", item, since())
        time.sleep(0.1)
    print(name, "stops", since())


to_main = queue.Queue()
threading.Thread(target=producer, args=(to_main, 3, 0.5)).start()
while (item := to_main.get()) is not None:
    print("main got", item, since())

between = queue.Queue()
p = threading.Thread(target=producer, args=(between, 3, 0.3))
c = threading.Thread(target=consumer, args=(between, "consumer"))
p.start()
c.start()
p.join()
c.join()
print("all done", since())
