import asyncio

BANNER = """
  corolab
  =======
"""


async def main():
    text = """line one
    line two"""
    print(text)
    print(BANNER)
    await asyncio.sleep(0)


asyncio.run(main())
