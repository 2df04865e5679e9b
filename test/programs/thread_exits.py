# sys.exit() on a thread ends only that thread; os._exit() on a thread ends
# the whole program at once, with what was printed until then.
import os
import sys
import threading
import time


def quiet():
    time.sleep(0.2)
    print("thread a exits quietly")
    sys.exit(5)


def abrupt():
    time.sleep(0.5)
    print("thread b ends the process")
    sys.stdout.flush()
    os._exit(3)


threading.Thread(target=quiet).start()
threading.Thread(target=abrupt).start()
time.sleep(1)
print("never printed")
