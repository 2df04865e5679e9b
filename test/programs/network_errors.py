# What a program meets on the network here: refused connections, a port in use, servers and their sockets.
import asyncio


async def handle(reader, writer):
    writer.close()


async def main():
    for host in ("127.0.0.1", "localhost"):
        try:
            await asyncio.open_connection(host, 1)
        except OSError as exc:
            print(type(exc).__name__, exc.errno, exc)
    s1 = await asyncio.start_server(handle, "127.0.0.1", 8765)
    try:
        await asyncio.start_server(handle, "127.0.0.1", 8765)
    except OSError as exc:
        print(type(exc).__name__, exc.errno, exc)
    print(s1.sockets[0].getsockname(), s1.is_serving(), s1)
    s2 = await asyncio.start_server(handle, "localhost", 8766)
    print(len(s2.sockets), [s.getsockname()[:2] for s in s2.sockets])
    r, w = await asyncio.open_connection("localhost", 8766)
    print(w.get_extra_info("peername")[:2], isinstance(w.transport, asyncio.Transport))
    print(await r.read(), r.at_eof())
    s1.close()
    await s1.wait_closed()
    print(s1.is_serving(), s1.sockets)
    s2.close()


asyncio.run(main())
