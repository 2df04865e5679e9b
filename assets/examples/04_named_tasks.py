# Every task has a name. Without one, asyncio numbers them: Task-1, Task-2, ...
# create_task(..., name=...) names a task up front; set_name() renames it later.
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    task = asyncio.current_task()
    print(f"{task.get_name()} says {what}")


async def main():
    print(f"main runs as {asyncio.current_task().get_name()}")

    closer = asyncio.create_task(say_after(2, "world"))
    print(f"a task without a name is called {closer.get_name()}")
    closer.set_name("closer")

    greeter = asyncio.create_task(say_after(1, "hello"), name="greeter")

    await greeter
    await closer


asyncio.run(main())
