# An echo server and three clients in one program, over asyncio streams on 127.0.0.1.
import asyncio
import time


async def handle_echo(reader, writer):
    async for line in reader:
        message = line.decode().strip()
        print(f"{time.strftime('%X')} server: {message!r}")
        await asyncio.sleep(0.5)  # thinking
        writer.write(line.upper())
        await writer.drain()
    print("server: client left")
    writer.close()
    await writer.wait_closed()


async def client(name, delay):
    await asyncio.sleep(delay)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    for i in range(2):
        writer.write(f"{name} #{i}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"{time.strftime('%X')} {name} got {reply.decode().strip()!r}")
    writer.close()
    await writer.wait_closed()
    return name


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 8888)
    print("serving on", server.sockets[0].getsockname())
    async with server:
        done = await asyncio.gather(client("ann", 0), client("bob", 0.2), client("cy", 1))
        print("clients done:", done)
        await asyncio.sleep(0.1)
    print("server closed:", not server.is_serving())


asyncio.run(main())
