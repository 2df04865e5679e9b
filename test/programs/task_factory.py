# A program's own task factory, written for Python 3.11: called as factory(loop, coro),
# given back by get_task_factory(), and its tasks numbered with everyone else's.
import asyncio

made = []


def factory(loop, coro):
    task = asyncio.Task(coro, loop=loop)
    made.append(task.get_name())
    return task


async def work(n):
    await asyncio.sleep(n / 10)
    return n


async def main():
    loop = asyncio.get_running_loop()
    print("factory before:", loop.get_task_factory())
    first = asyncio.create_task(work(1))
    loop.set_task_factory(factory)
    print("factory set:", loop.get_task_factory() is factory)
    named = asyncio.create_task(work(2), name="named")
    results = await asyncio.gather(first, named, work(3))
    print(results, [t.get_name() for t in (first, named)], len(made))
    loop.set_task_factory(None)
    print("factory after:", loop.get_task_factory())
    print(asyncio.create_task(work(0)).get_name())


asyncio.run(main())
