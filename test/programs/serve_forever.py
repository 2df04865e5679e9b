# serve_forever() in a task, readexactly/readuntil, a client that goes away mid-message, and cancel.
import asyncio


async def handler(reader, writer):
    try:
        header = await reader.readexactly(4)
        size = int(header)
        body = await reader.readexactly(size)
        print("server read", header, body)
        rest = await reader.readuntil(b";")
        print("server read until", rest)
        more = await reader.readexactly(10)
    except asyncio.IncompleteReadError as exc:
        print("server: incomplete read, got", exc.partial, "expected", exc.expected)
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(handler, "localhost", 8890)
    serving = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    print("serving:", server.is_serving())
    reader, writer = await asyncio.open_connection("localhost", 8890)
    writer.write(b"0005hello")
    await asyncio.sleep(1)
    writer.write(b"abc;xyz")
    await asyncio.sleep(1)
    writer.write_eof()
    print("client at eof:", await reader.read())
    writer.close()
    await writer.wait_closed()
    try:
        await asyncio.open_connection("localhost", 8891)
    except ConnectionRefusedError as exc:
        print("refused:", exc)
    serving.cancel()
    try:
        await serving
    except asyncio.CancelledError:
        print("serve_forever cancelled; serving:", server.is_serving())


asyncio.run(main())
