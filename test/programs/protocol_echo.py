# The asyncio docs' echo server and client, written with Protocol classes.
import asyncio


class EchoServerProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        print("server: connection from", transport.get_extra_info("peername")[0])
        self.transport = transport

    def data_received(self, data):
        message = data.decode()
        print(f"server: data received: {message!r}")
        self.transport.write(data)
        print("server: close the client socket")
        self.transport.close()


class EchoClientProtocol(asyncio.Protocol):
    def __init__(self, message, on_con_lost):
        self.message = message
        self.on_con_lost = on_con_lost

    def connection_made(self, transport):
        transport.write(self.message.encode())
        print(f"client: data sent: {self.message!r}")

    def data_received(self, data):
        print(f"client: data received: {data.decode()!r}")

    def eof_received(self):
        print("client: eof")

    def connection_lost(self, exc):
        print("client: the server closed the connection", exc)
        self.on_con_lost.set_result(True)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServerProtocol, "localhost", 8889)
    on_con_lost = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: EchoClientProtocol("Hello World!", on_con_lost), "localhost", 8889)
    try:
        await on_con_lost
    finally:
        transport.close()
    server.close()
    await server.wait_closed()
    print("done")


asyncio.run(main())
