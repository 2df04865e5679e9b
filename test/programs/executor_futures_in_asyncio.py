# A one-thread default executor: to_thread and run_in_executor calls queue up
# behind each other; a submitted call is awaited with wrap_future; shutdown()
# waits for the call still running.
import asyncio
import concurrent.futures as cf
import time


def work(n):
    time.sleep(n)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    ex = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="solo")
    loop.set_default_executor(ex)
    print(await asyncio.wrap_future(ex.submit(work, 1)), round(loop.time(), 1))
    print(await asyncio.gather(loop.run_in_executor(None, work, 0.5), asyncio.to_thread(work, 0.5)), round(loop.time(), 1))
    try:
        await asyncio.wait_for(asyncio.wrap_future(ex.submit(work, 2)), 0.5)
    except TimeoutError:
        print("timed out", round(loop.time(), 1))
    ex.shutdown(wait=True)
    print("shut down", round(loop.time(), 1))


asyncio.run(main())
