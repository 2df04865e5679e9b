# Awaitables of every kind: a generator-based coroutine, a class with __await__, a future
# resolved by a timer with a done callback, run_coroutine_threadsafe() from a thread, call_at,
# an async comprehension, ensure_future and wait(FIRST_COMPLETED).
import asyncio, types, threading, time, functools

@types.coroutine
def old_sleep(t):
    yield from asyncio.sleep(t).__await__()
    return "old"

class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0.2).__await__()
        return "custom"

def on_done(name, fut):
    print("done callback", name, fut.result())

async def main():
    print(await old_sleep(0.3))
    print(await Awaitable())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(functools.partial(on_done, "f1"))
    loop.call_later(0.5, fut.set_result, "value")
    print(await fut)
    def in_thread():
        time.sleep(0.3)
        cf = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.2, "from thread"), loop)
        cf.add_done_callback(lambda f: print("threadsafe done", f.result()))
    threading.Thread(target=in_thread).start()
    await asyncio.sleep(1)
    h = loop.call_at(loop.time() + 0.3, print, "call_at")
    print(type(h).__name__)
    await asyncio.sleep(0.5)
    async def gen():
        for i in range(3):
            await asyncio.sleep(0.1)
            yield i
    print([x async for x in gen()])
    print(await asyncio.gather(*[asyncio.sleep(0.1 * i, i) for i in range(3)]))
    tasks = [asyncio.ensure_future(asyncio.sleep(0.1, i)) for i in range(2)]
    done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done))
    print(asyncio.iscoroutine(old_sleep(1)), asyncio.isfuture(fut))

asyncio.run(main())
