# asyncio.run() twice: each call gets a fresh loop; the clock keeps going.
import asyncio
import time

loops = []


async def main(label, seconds):
    loop = asyncio.get_running_loop()
    loops.append(loop)
    await asyncio.sleep(seconds)
    print(label, "done, task", asyncio.current_task().get_name())
    return seconds


start = time.monotonic()
print("first returned", asyncio.run(main("first", 1)))
print("second returned", asyncio.run(main("second", 2)))
print("different loops:", loops[0] is not loops[1], "both closed:", all(l.is_closed() for l in loops))
print("elapsed", round(time.monotonic() - start, 1))
