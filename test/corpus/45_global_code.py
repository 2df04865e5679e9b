import asyncio
import time

print("top level runs first")
total = 0
for i in range(4):
    total += i
print(total)


async def main():
    await asyncio.sleep(0.5)
    print("then main")


if __name__ == "__main__":
    asyncio.run(main())
