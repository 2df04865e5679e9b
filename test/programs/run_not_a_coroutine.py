# asyncio.run() given the coroutine function, the parentheses forgotten: Python 3.11
# says ValueError, naming what it was given (3.12 and later say TypeError).
import asyncio


async def main():
    print("never runs")


try:
    asyncio.run(main)
except Exception as exc:
    print(type(exc).__name__ + ":", str(exc).split(" at 0x")[0])
