# Errors a program catches and prints, in the words of Python 3.11 (3.14 reworded most of them).
import asyncio
import math


async def divide(a, b):
    await asyncio.sleep(0.1)
    return a / b


async def worker(name, job):
    await asyncio.sleep(0.2)
    try:
        job()
    except Exception as e:
        print(f"{name}: {type(e).__name__}: {e}")


def unpack():
    a, b = [1, 2, 3]


def floor_float():
    x = 7.5
    return x // 0


def modulo_int():
    n = 10
    return n % 0


def modulo_float():
    return 1.0 % 0


def pair_divmod():
    return divmod(3.0, 0)


def not_in_list():
    items = ["a", "b"]
    wanted = "z"
    return items.index(wanted)


def own_message():
    # A program's own words stay its own, even when they are 3.14's.
    raise ValueError("max() iterable argument is empty")


def slot_attribute():
    object.__setattr__(object(), "x", 1)


def unhashable():
    return {[1, 2]: "list key"}


async def await_none():
    await None


async def with_lock():
    with asyncio.Lock():
        pass


async def main():
    jobs = {
        "unpack": unpack,
        "floor": floor_float,
        "modulo": modulo_int,
        "float modulo": modulo_float,
        "divmod": pair_divmod,
        "index": not_in_list,
        "own": own_message,
        "max": lambda: max([]),
        "sqrt": lambda: math.sqrt(-4),
        "slots": slot_attribute,
        "unhashable": unhashable,
        "power": lambda: 0.0 ** -1,
    }
    await asyncio.gather(*(worker(name, job) for name, job in jobs.items()))
    results = await asyncio.gather(divide(1, 0), divide(1.0, 0), divide(6, 3), return_exceptions=True)
    print(results)
    for coro in (await_none(), with_lock()):
        try:
            await coro
        except TypeError as e:
            print(f"TypeError: {e}")


asyncio.run(main())
