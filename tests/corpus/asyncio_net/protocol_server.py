# A protocol-based server and client: loop.create_server and loop.create_connection.
import asyncio


server_lost = None


class EchoServer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print("server: connection from", transport.get_extra_info("peername")[0])

    def data_received(self, data):
        print("server: data", data)
        self.transport.write(b"echo:" + data)

    def eof_received(self):
        print("server: eof")
        self.transport.close()

    def connection_lost(self, exc):
        server_lost.set_result(exc)


class Client(asyncio.Protocol):
    def __init__(self, message, done):
        self.message = message
        self.done = done
        self.received = []

    def connection_made(self, transport):
        print("client: connected, can_write_eof", transport.can_write_eof())
        transport.write(self.message)
        transport.write_eof()

    def data_received(self, data):
        print("client: data", data)
        self.received.append(data)

    def eof_received(self):
        print("client: eof")

    def connection_lost(self, exc):
        print("client: connection lost", exc)
        self.done.set_result(b"".join(self.received))


async def main():
    global server_lost
    loop = asyncio.get_running_loop()
    server_lost = loop.create_future()
    server = await loop.create_server(EchoServer, "127.0.0.1", 51004)
    print("server:", type(server).__name__, server.is_serving())
    done = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: Client(b"hello protocol", done), "127.0.0.1", 51004)
    print("client transport", type(transport).__name__, transport.is_closing())
    print("result", await done)
    print("closing", transport.is_closing())
    print("server: connection lost", await server_lost)
    server.close()
    await server.wait_closed()
    print("server closed", server.is_serving(), server.sockets)


asyncio.run(main())
