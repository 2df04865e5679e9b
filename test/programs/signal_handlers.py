# A signal handler for a graceful shutdown that no signal triggers: the wait times out.
import asyncio
import signal


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("waiting")
    try:
        await asyncio.wait_for(stop.wait(), 2)
    except asyncio.TimeoutError:
        print("no signal in 2 s")
    loop.remove_signal_handler(signal.SIGTERM)


asyncio.run(main())
