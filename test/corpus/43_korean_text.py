import asyncio


async def 인사(이름):
    await asyncio.sleep(1)
    print(f"안녕하세요, {이름}님")


async def main():
    await asyncio.gather(인사("민수"), 인사("지영"))
    print("끝")


asyncio.run(main())
