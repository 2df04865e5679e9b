import asyncio


async def greet(greeting, *names, sep=", "):
    await asyncio.sleep(0.2)
    print(greeting + " " + sep.join(names))


async def main():
    people = ["kim", "lee"]
    await greet("hi", *people)
    await greet("hello", "park", "choi", sep=" & ")
    print("a", "b", sep="-", end="!\n")


asyncio.run(main())
