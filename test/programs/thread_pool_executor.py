# concurrent.futures without asyncio: a pool of two threads, results as they
# complete, a failing call, map(), wait() for the first, a result() timeout.
import concurrent.futures as cf
import threading
import time


def download(name, seconds):
    time.sleep(seconds)
    print(f"{name} downloaded on {threading.current_thread().name}")
    if name == "bad":
        raise ValueError("broken link")
    return f"{name}:{seconds}"


start = time.monotonic()
with cf.ThreadPoolExecutor(max_workers=2, thread_name_prefix="dl") as ex:
    futures = {ex.submit(download, n, s): n for n, s in [("a", 0.8), ("b", 0.3), ("c", 0.2), ("bad", 0.1)]}
    for f in cf.as_completed(futures):
        try:
            print("result", f.result(), f"{time.monotonic() - start:.1f}")
        except ValueError as e:
            print("failed", futures[f], e, f"{time.monotonic() - start:.1f}")
print(f"pool closed at {time.monotonic() - start:.1f}")
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(lambda s: (time.sleep(s), s)[1], [0.4, 0.1, 0.2])), f"{time.monotonic() - start:.1f}")
    slow = ex.submit(time.sleep, 0.6)
    done, not_done = cf.wait([slow, ex.submit(time.sleep, 0.3)], return_when=cf.FIRST_COMPLETED)
    print(len(done), "done,", len(not_done), "not done", f"{time.monotonic() - start:.1f}")
    try:
        slow.result(timeout=0.1)
    except TimeoutError:
        print("timed out waiting", f"{time.monotonic() - start:.1f}")
print(f"end {time.monotonic() - start:.1f}")
