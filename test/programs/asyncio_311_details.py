# Where Python 3.12 to 3.14 changed what a program sees, the runtime keeps 3.11's asyncio:
# a handle shows its callback's arguments, gather() of finished futures still lets other
# tasks run before it is done, and as_completed() starts nothing until it is iterated.
# And datetimes print as the datetime module's own.
import asyncio
from datetime import datetime, timedelta


async def other():
    print("other runs")


async def work(name, delay):
    print(name, "starts")
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    print(loop.call_soon(print, "from call_soon"))
    timer = loop.call_later(1, print, "never", 2)
    print(repr(timer).split(" ", 2)[2])  # after "<TimerHandle when=..."
    timer.cancel()

    done = loop.create_future()
    done.set_result(1)
    asyncio.create_task(other())
    both = asyncio.gather(done)
    print("gather done at once?", both.done())
    print(await both)

    pending = asyncio.as_completed([work("A", 1)], timeout=5)
    await asyncio.sleep(1)
    print("iterating")
    for next_done in pending:
        print(await next_done)

    print(repr(datetime(2024, 1, 1)), [datetime(2024, 1, 1) + timedelta(seconds=1)])


asyncio.run(main())
