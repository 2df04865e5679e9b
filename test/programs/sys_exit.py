# sys.exit(3) ends the program with status 3; finally blocks still run.
import asyncio
import sys


async def main():
    try:
        await asyncio.sleep(1)
        print("exiting with 3")
        sys.exit(3)
    finally:
        print("finally runs")


asyncio.run(main())
print("never printed")
