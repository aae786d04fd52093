package lab.portexhaustion.sockets;

import java.net.InetSocketAddress;

/** One TCP socket of the host (or of the network namespace), as the OS lists it. */
public record SocketEntry(InetSocketAddress local, InetSocketAddress remote, TcpState state) {}
