# run_in_executor with a pool of two threads: a third call waits for a free
# thread. Three to_thread calls at once run side by side on the default pool.
import asyncio
import concurrent.futures
import threading
import time


def job(n, seconds):
    time.sleep(seconds)
    print(f"job {n} ends on {threading.current_thread().name}")
    return n


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        calls = [loop.run_in_executor(pool, job, n, s) for n, s in enumerate([1.0, 0.4, 0.3])]
        print(await asyncio.gather(*calls), f"at {loop.time() - start:.1f}")
        print(await loop.run_in_executor(pool, job, 3, 0.2), f"at {loop.time() - start:.1f}")
    results = await asyncio.gather(*(asyncio.to_thread(time.sleep, s) for s in (0.5, 0.6, 0.7)))
    print(results, f"at {loop.time() - start:.1f}")


asyncio.run(main())
