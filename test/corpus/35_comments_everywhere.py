# A program with comments in many places.
import asyncio

# A constant at the top.
DELAY = 1  # seconds


async def main():
    # First, wait.
    await asyncio.sleep(DELAY)  # trailing comment
    print("waited")
    if DELAY > 0:
        # inside the if
        print("positive")
        # at the end of the if body
    # before the end
    print("end")


# Run it.
asyncio.run(main())
# The end of the file.
