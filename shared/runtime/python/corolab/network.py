"""Loopback connections in memory: a program's own servers and its clients of them.

Natively, asyncio.start_server() and open_connection() on 127.0.0.1 go through the
system's loopback device and take microseconds. Here there are no sockets (the
runtime has no network), so a connection is a pair of transports that hand each
other bytes through the event loop: the program's protocols and streams (CPython's
own) see the same calls in the same order, at the same virtual times. Another host
cannot be reached, as on a machine without a network.

The server follows Python 3.11's asyncio.Server, the version the lessons target.
"""
import asyncio
import itertools
import socket
from asyncio import events, futures, transports

_ALL_INTERFACES = ("0.0.0.0", "::")
_EPHEMERAL_PORTS = 40000  # where ports a server or client is given start; natively random


class Network:
    """The listening addresses of one run's servers."""

    def __init__(self):
        self.listening = {}  # (address, port) -> LoopbackServer
        self._ports = itertools.count(_EPHEMERAL_PORTS)
        self._fds = itertools.count(6)  # natively 3-5 are the loop's own

    def port(self):
        while True:
            port = next(self._ports)
            if not any(p == port for _, p in self.listening):
                return port

    def fd(self):
        return next(self._fds)

    def find(self, address, port):
        server = self.listening.get((address, port))
        if server is None:
            wildcard = "::" if ":" in address else "0.0.0.0"
            server = self.listening.get((wildcard, port))
        return server if server is not None and server.is_serving() else None


def _addresses(host, server):
    """The IP addresses a host name stands for here; None for a host off this machine."""
    if host is None or host == "":
        return list(_ALL_INTERFACES) if server else ["127.0.0.1"]
    hosts = [host] if isinstance(host, str) else list(host)
    found = []
    for h in hosts:
        if h == "localhost":
            h = "127.0.0.1"  # as this machine's resolver gives it
        if h == "::1" or h.startswith("127.") or (server and h in _ALL_INTERFACES):
            found.append(h)
        else:
            return None
    return found


def _sockaddr(address, port):
    return (address, port, 0, 0) if ":" in address else (address, port)


class TransportSocket:
    """What server.sockets and get_extra_info('socket') give: the address, no I/O."""

    def __init__(self, fd, sockname, peername=None):
        self._fd = fd
        self._sockname = sockname
        self._peername = peername
        self.family = socket.AF_INET6 if ":" in sockname[0] else socket.AF_INET
        self.type = socket.SOCK_STREAM
        self.proto = 6

    def fileno(self):
        return self._fd

    def getsockname(self):
        return self._sockname

    def getpeername(self):
        if self._peername is None:
            raise OSError(107, "Transport endpoint is not connected")
        return self._peername

    def __repr__(self):
        s = f"<asyncio.TransportSocket fd={self._fd}, family={int(self.family)}, type={int(self.type)}, proto={self.proto}, laddr={self._sockname}"
        if self._peername is not None:
            s += f", raddr={self._peername}"
        return s + ">"


class LoopbackTransport(transports.Transport):
    """One end of a connection. What it writes reaches the other end's protocol
    in a later callback of the loop, as a socket's data would."""

    def __init__(self, loop, sock, server=None):
        super().__init__({"socket": sock, "sockname": sock.getsockname(), "peername": sock.getpeername()})
        self._loop = loop
        self._protocol = None
        self._peer = None
        self._server = server
        self._closing = False
        self._eof_sent = False
        self._paused = False
        self._held = []  # what arrived while reading was paused: bytes, or None for the end
        if server is not None:
            server._attach()

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self._closing and not self._paused

    def pause_reading(self):
        self._paused = True

    def resume_reading(self):
        if self._paused:
            self._paused = False
            held, self._held = self._held, []
            for data in held:
                if data is None:
                    self._loop.call_soon(self._end_arrives)
                else:
                    self._loop.call_soon(self._data_arrives, data)

    def get_write_buffer_size(self):
        return 0  # the other end takes everything at once: drain() never waits

    def get_write_buffer_limits(self):
        return (16384, 65536)

    def set_write_buffer_limits(self, high=None, low=None):
        pass

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data argument must be a bytes-like object, not {type(data).__name__!r}")
        if self._eof_sent and not self._closing:
            raise RuntimeError("Cannot call write() after write_eof()")
        if not data or self._closing:
            return
        if self._peer is not None:
            self._loop.call_soon(self._peer._data_arrives, bytes(data))

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing or self._eof_sent:
            return
        self._eof_sent = True
        if self._peer is not None:
            self._loop.call_soon(self._peer._end_arrives)

    def close(self):
        if self._closing:
            return
        self.write_eof()  # closing a socket tells the other end: it reads the end of the stream
        self._closing = True
        self._loop.call_soon(self._connection_lost, None)

    def abort(self):
        self.close()

    def _accepted(self, protocol_factory):
        self._protocol = protocol_factory()
        self._protocol.connection_made(self)

    def _connection_lost(self, exc):
        try:
            if self._protocol is not None:
                self._protocol.connection_lost(exc)
        finally:
            self._protocol = None
            self._peer = None
            server, self._server = self._server, None
            if server is not None:
                server._detach()

    def _data_arrives(self, data):
        if self._closing or self._protocol is None:
            return
        if self._paused:
            self._held.append(data)
            return
        self._protocol.data_received(data)

    def _end_arrives(self):
        if self._closing or self._protocol is None:
            return
        if self._paused:
            self._held.append(None)
            return
        if not self._protocol.eof_received():
            self.close()


class LoopbackServer(events.AbstractServer):
    """asyncio.Server as in Python 3.11, listening on the in-memory network."""

    def __init__(self, loop, network, addresses, protocol_factory):
        self._loop = loop
        self._network = network
        self._sockets = [TransportSocket(network.fd(), a) for a in addresses]
        self._protocol_factory = protocol_factory
        self._active_count = 0
        self._waiters = []
        self._serving = False
        self._serving_forever_fut = None
        for a in addresses:
            network.listening[(a[0], a[1])] = self

    def __repr__(self):
        return f"<Server sockets={self.sockets!r}>"

    def _attach(self):
        self._active_count += 1

    def _detach(self):
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters, self._waiters = self._waiters, None
        for waiter in waiters or ():
            if not waiter.done():
                waiter.set_result(waiter)

    def _accept(self, client):
        """A client connects: the server's end gets a protocol in the next callback, as after accept()."""
        sock = client._extra["socket"]
        mine = TransportSocket(self._network.fd(), sock.getpeername(), sock.getsockname())
        transport = LoopbackTransport(self._loop, mine, server=self)
        transport._peer, client._peer = client, transport
        self._loop.call_soon(transport._accepted, self._protocol_factory)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        return () if self._sockets is None else tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._network.listening.pop(sock.getsockname()[:2], None)
        self._serving = False
        if self._serving_forever_fut is not None and not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._serving = self._sockets is not None
        await asyncio.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f"server {self!r} is already being awaited on serve_forever()")
        if self._sockets is None:
            raise RuntimeError(f"server {self!r} is closed")
        self._serving = True
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except asyncio.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter


def unavailable(what):
    # Said even of a program that only talks to itself on 127.0.0.1 (a UDP echo pair).
    return OSError(f"{what} is not available here: programs have TCP streams only, to their own servers on 127.0.0.1 or localhost")


async def create_server(loop, network, protocol_factory, host=None, port=None, *, sock=None, ssl=None, start_serving=True, **_options):
    if sock is not None:
        raise unavailable("a server on a socket of the program's own")
    if ssl is not None:
        raise unavailable("TLS")
    addresses = _addresses(host, server=True)
    if addresses is None:
        raise OSError(99, f"error while attempting to bind on address {(host, port)!r}: cannot assign requested address")
    port = network.port() if not port else int(port)
    for a in addresses:
        if (a, port) in network.listening:
            raise OSError(98, f"error while attempting to bind on address {_sockaddr(a, port)!r}: address already in use")
    server = LoopbackServer(loop, network, [_sockaddr(a, port) for a in addresses], protocol_factory)
    if start_serving:
        server._serving = True
        await asyncio.sleep(0)  # as natively: one loop iteration for the listening sockets to be watched
    return server


async def create_connection(loop, network, protocol_factory, host=None, port=None, *, sock=None, ssl=None, **_options):
    if sock is not None:
        raise unavailable("a connection over a socket of the program's own")
    if ssl:
        raise unavailable("TLS")
    addresses = _addresses(host, server=False)
    if addresses is None:
        raise OSError(101, f"Network is unreachable: {host!r} is not this machine (a program here can connect only to its own servers)")
    port = int(port)
    server = None
    for a in addresses:
        server = network.find(a, port)
        if server is not None:
            break
    if server is None:
        raise ConnectionRefusedError(111, f"Connect call failed {_sockaddr(addresses[-1], port)!r}")
    client_sock = TransportSocket(network.fd(), _sockaddr(a, network.port()), _sockaddr(a, port))
    transport = LoopbackTransport(loop, client_sock)
    server._accept(transport)
    protocol = protocol_factory()
    transport._protocol = protocol
    # As a socket transport: the protocol hears of the connection in a callback, then the caller returns.
    waiter = loop.create_future()
    loop.call_soon(protocol.connection_made, transport)
    loop.call_soon(futures._set_result_unless_cancelled, waiter, None)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


async def no_unix_sockets(*args, **kwargs):
    raise unavailable("a Unix socket")


def install():
    """asyncio has no Unix-socket streams where the socket module lacks AF_UNIX, as here: natively it has."""
    for name in ("start_unix_server", "open_unix_connection"):
        if not hasattr(asyncio, name):
            setattr(asyncio, name, no_unix_sockets)
            setattr(asyncio.streams, name, no_unix_sockets)
