import asyncio


async def handle(message):
    await asyncio.sleep(0.1)
    match message:
        case {"kind": "greet", "name": name}:
            print(f"hello {name}")
        case [first, *rest]:
            print(f"list starting with {first}, {len(rest)} more")
        case _:
            print("unknown")


async def main():
    for m in [{"kind": "greet", "name": "kim"}, [1, 2, 3], 42]:
        await handle(m)


asyncio.run(main())
