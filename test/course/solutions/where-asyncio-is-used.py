import asyncio


async def fetch(url, seconds):
    await asyncio.sleep(seconds)
    return f"{url}: 200 OK"


async def main():
    pages = await asyncio.gather(fetch("/a", 1), fetch("/b", 2), fetch("/c", 3))
    print(pages)


asyncio.run(main())
