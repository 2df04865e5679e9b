import asyncio
async def f(): await asyncio.sleep(0)
async def main():
    a = asyncio.create_task(f(), name="named")
    b = asyncio.create_task(f())
    c = asyncio.get_running_loop().create_task(f(), name="x")
    d = asyncio.get_running_loop().create_task(f())
    async with asyncio.TaskGroup() as tg:
        e = tg.create_task(f(), name="tg")
        g = tg.create_task(f())
    print([t.get_name() for t in (a, b, c, d, e, g)])
    await asyncio.gather(a, b, c, d)
asyncio.run(main())
