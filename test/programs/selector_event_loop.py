# A program that builds its loop from asyncio's concrete loop class.
import asyncio


async def main():
    await asyncio.sleep(1)
    return "slept 1 s"


loop = asyncio.SelectorEventLoop()
asyncio.set_event_loop(loop)
try:
    print(loop.run_until_complete(main()))
finally:
    asyncio.set_event_loop(None)
    loop.close()
print("closed:", loop.is_closed())
