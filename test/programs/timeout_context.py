# asyncio.timeout() and timeout_at(): a deadline for a block of code.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    async with asyncio.timeout(2) as cm:
        await asyncio.sleep(1)
    print("fast block done at", round(loop.time() - start, 1), "expired:", cm.expired())

    try:
        async with asyncio.timeout(1.5) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print("slow block timed out at", round(loop.time() - start, 1), "expired:", cm.expired())

    deadline = loop.time() + 2
    try:
        async with asyncio.timeout_at(deadline):
            for i in range(10):
                await asyncio.sleep(0.6)
                print("step", i)
    except TimeoutError:
        print("timeout_at fired at", round(loop.time() - start, 1))

    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 0.5)
        try:
            await asyncio.sleep(3)
        except asyncio.CancelledError:
            print("inner block cancelled by the rescheduled deadline")
            raise
    print("never printed")


try:
    asyncio.run(main())
except TimeoutError:
    print("the rescheduled timeout escaped as TimeoutError")
