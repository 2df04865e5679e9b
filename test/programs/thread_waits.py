# Waits with a timeout last their timeout: threading.Timer, Event.wait,
# queue.Queue.get; a Timer's function runs when its interval is over.
import queue
import threading
import time

start = time.monotonic()


def since():
    return f"{time.monotonic() - start:.1f}"


timer = threading.Timer(1.5, lambda: print("timer fired", since()))
timer.start()
event = threading.Event()
print("event set?", event.wait(0.5), since())
q = queue.Queue()
try:
    q.get(timeout=0.3)
except queue.Empty:
    print("queue empty", since())
q.put("ready")
print("got", q.get(timeout=1), since())
timer.join()
print("timer joined", since(), "alive:", timer.is_alive())
ready = threading.Event()
threading.Thread(target=lambda: (time.sleep(0.7), ready.set())).start()
print("waiting for the thread's event", since())
print("event came:", ready.wait(), since())
