import asyncio


class Counter:
    def __init__(self):
        self.value = 0

    async def bump(self, delay):
        await asyncio.sleep(delay)
        self.value += 1
        print(f"bumped to {self.value}")


async def main():
    c = Counter()
    await asyncio.gather(c.bump(1), c.bump(2))
    print(c.value)


asyncio.run(main())
