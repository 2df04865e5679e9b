# The order of call_soon, call_later(0) and call_at(now) callbacks, and Condition.wait_for with predicates.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "call_later 0")
    loop.call_soon(print, "call_soon 1")
    loop.call_at(loop.time(), print, "call_at now")
    loop.call_soon(print, "call_soon 2")
    await asyncio.sleep(0)
    print("after sleep 0")
    await asyncio.sleep(0)
    print("after second sleep 0")
    cond = asyncio.Condition()
    state = {"n": 0}

    async def waiter(k):
        async with cond:
            await cond.wait_for(lambda: state["n"] >= k)
            print(f"waiter {k} sees n={state['n']} at {loop.time() - start:.1f}")

    start = loop.time()
    ws = [asyncio.create_task(waiter(k)) for k in (3, 1, 2)]
    for i in range(3):
        await asyncio.sleep(1)
        async with cond:
            state["n"] += 1
            cond.notify_all()
    await asyncio.gather(*ws)


asyncio.run(main())
