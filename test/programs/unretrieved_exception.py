# A failed task nobody awaits: "exception was never retrieved" comes when the program
# lets go of its last reference to it, not at some later garbage collection.
import asyncio


async def failing(n):
    raise KeyError(n)


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]))


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    first = asyncio.create_task(failing("first"))
    second = asyncio.create_task(failing("second"))
    await asyncio.sleep(1)
    del first
    print("let go of the first")
    await asyncio.sleep(1)
    second = None
    print("let go of the second")
    await asyncio.sleep(1)
    print("end")


asyncio.run(main())
