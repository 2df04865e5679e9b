import asyncio


async def main():
    await asyncio.sleep(1)
    return "from the loop"


loop = asyncio.new_event_loop()
print(loop.run_until_complete(main()))
loop.close()
