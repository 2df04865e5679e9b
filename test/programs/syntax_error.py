# The parser rejects this program before anything runs: no output, status 1.
import asyncio

async def main():
    print("never printed")
    await asyncio.sleep(1

asyncio.run(main())
