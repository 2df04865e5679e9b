import asyncio


async def old_style_coroutine():
    await asyncio.sleep(1)


async def main():
    await old_style_coroutine()


asyncio.run(main())
