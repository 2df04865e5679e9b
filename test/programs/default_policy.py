# A program that sets asyncio's default policy (as tutorials do for Windows) still runs
# on the virtual clock, and the 3.14 deprecation warnings python3.11 does not give stay away.
import asyncio, sys

async def main():
    print("running", asyncio.iscoroutinefunction(main))
    await asyncio.sleep(0.5)
    print("done")

if sys.platform == "win32":
    asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())
asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
asyncio.run(main())
policy = asyncio.get_event_loop_policy()
loop = policy.new_event_loop()
loop.run_until_complete(main())
loop.close()
