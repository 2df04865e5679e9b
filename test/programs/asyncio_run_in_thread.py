# asyncio.run() inside threads: a thread has no event loop of its own until it makes one,
# runs it while the program's loop goes on, and the program's loop is untouched after.
import asyncio, threading, time

async def inner(name):
    await asyncio.sleep(0.5)
    print("inner loop in", name, "done")
    return name

def thread_main(name):
    return asyncio.run(inner(name))

async def main():
    r = await asyncio.to_thread(thread_main, "worker-thread")
    print("got", r)
    t = threading.Thread(target=thread_main, args=("plain-thread",))
    t.start()
    await asyncio.sleep(0.2)
    print("main still running")
    t.join()

asyncio.run(main())
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
threading.Thread(target=thread_main, args=("another",)).start()
print("current loop kept:", asyncio.get_event_loop() is loop)
loop.close()
