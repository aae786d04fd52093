package lab.portexhaustion.sockets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sockets of a {@link SocketSelection}, filtered by the kernel: a sock_diag request (the netlink protocol
 * {@code ss} uses) with a filter program on ports, so that only the matching sockets are copied out, where
 * {@code /proc/net/tcp} formats every socket of the host as text. The kernel still walks every socket of the host
 * to filter them (some 13 ms at 100,000 sockets on 2 cores), but copies only the kept ones.
 *
 * <p>Hand-written rather than {@code ss} with a filter expression: {@code ss} sends one request per address family,
 * so the kernel walks the host's sockets twice, and it is a process to start and text to parse, whose CPU time the
 * sampler's budget ({@code sampler.maxCpuPercent} counts its own thread) would not see. Measured side by side at
 * 100,000 sockets, {@code ss} took 2.1 to 2.5 times as long and missed the full sample's 20 ms target
 * (docs/performance.md). The older {@code TCPDIAG_GETSOCK} request sent here dumps both families in one walk; the
 * kernel still serves it for compatibility. No maintained Java library speaks sock_diag. Messages and the filter
 * follow {@code linux/netlink.h} and {@code linux/inet_diag.h}, in the machine's byte order except a socket's ports
 * and addresses, which are in network order.
 */
final class InetDiagTable implements SocketTable {

  private static final int NLMSG_HEADER = 16;
  private static final int NLMSG_ERROR = 2;
  private static final int NLMSG_DONE = 3;
  private static final int TCPDIAG_GETSOCK = 18;
  private static final int NLM_F_REQUEST = 0x1;
  private static final int NLM_F_DUMP = 0x300;
  private static final int REQUEST_SEQUENCE = 24;
  /** struct inet_diag_req: family, two prefix lengths, extensions; the socket id (48 bytes); states; tables. */
  private static final int INET_DIAG_REQ = 60;
  /**
   * The states {@code /proc/net/tcp} lists, ESTABLISHED (1) to NEW_SYN_RECV (12), one bit each. Not BOUND_INACTIVE
   * (13, Linux 6.5 on), sockets bound and never connected: asking for those walks the bind table as well, which
   * nearly doubled the request's cost at 100,000 sockets.
   */
  private static final int STATES = 0x1FFE;
  private static final int INET_DIAG_REQ_BYTECODE = 1;
  /** struct inet_diag_msg, 72 bytes: family, state, timer, retransmits, then the socket id. */
  private static final int MSG_FAMILY = 0;
  private static final int MSG_STATE = 1;
  private static final int MSG_SOURCE_PORT = 4;
  private static final int MSG_DESTINATION_PORT = 6;
  private static final int MSG_SOURCE = 8;
  private static final int MSG_DESTINATION = 24;
  private static final int INET_DIAG_MSG = 72;
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;
  // Filter operations (enum in inet_diag.h); a port comparison takes a second 4-byte word holding the port.
  private static final int BC_JMP = 1;
  private static final int BC_S_GE = 2;
  private static final int BC_S_LE = 3;
  private static final int BC_D_GE = 4;
  private static final int BC_D_LE = 5;
  /** Large enough for the kernel's largest part of a dump (32 KiB), with room. */
  private static final int RECEIVE_BUFFER = 64 * 1024;

  private final byte[] request;

  InetDiagTable(SocketSelection selection) {
    this(request(selection));
  }

  /** A table that sends {@code request} as it is: for a test of how a refused request fails. */
  InetDiagTable(byte[] request) {
    this.request = request.clone();
  }

  @Override
  public List<SocketEntry> read() throws IOException {
    List<SocketEntry> entries = new ArrayList<>();
    Addresses addresses = new Addresses();
    ByteBuffer reply = ByteBuffer.allocateDirect(RECEIVE_BUFFER).order(ByteOrder.nativeOrder());
    try (SockDiagSocket socket = new SockDiagSocket()) {
      socket.send(request);
      boolean done = false;
      while (!done) {
        socket.receive(reply);
        done = parse(reply, addresses, entries);
      }
    }
    return entries;
  }

  /**
   * Adds the sockets of one part of a reply to {@code into}; true at its end mark. {@code reply} holds whole netlink
   * messages from its position to its limit, in the machine's byte order.
   */
  static boolean parse(ByteBuffer reply, List<SocketEntry> into) throws IOException {
    return parse(reply, new Addresses(), into);
  }

  private static boolean parse(ByteBuffer reply, Addresses addresses, List<SocketEntry> into) throws IOException {
    while (reply.remaining() >= NLMSG_HEADER) {
      int start = reply.position();
      int length = reply.getInt(start);
      int type = Short.toUnsignedInt(reply.getShort(start + 4));
      if (length < NLMSG_HEADER || length > reply.remaining()) {
        throw new IOException("a sock_diag reply message of " + length + " bytes where " + reply.remaining() + " are left");
      }
      if (type == NLMSG_DONE) {
        return true;
      }
      if (type == NLMSG_ERROR) {
        int errno = -reply.getInt(start + NLMSG_HEADER);
        throw new IOException("the kernel refused the sock_diag request: errno " + errno);
      }
      if (length < NLMSG_HEADER + INET_DIAG_MSG) {
        throw new IOException("a sock_diag reply message of " + length + " bytes, too short for a socket");
      }
      into.add(entry(reply, start + NLMSG_HEADER, addresses));
      reply.position(Math.min(reply.limit(), start + align(length)));
    }
    return false;
  }

  private static SocketEntry entry(ByteBuffer reply, int at, Addresses addresses) throws IOException {
    int family = Byte.toUnsignedInt(reply.get(at + MSG_FAMILY));
    int addressLength = switch (family) {
      case AF_INET -> 4;
      case AF_INET6 -> 16;
      default -> throw new IOException("a socket of address family " + family + " in a TCP dump");
    };
    return new SocketEntry(
        new InetSocketAddress(addresses.local(reply, at + MSG_SOURCE, addressLength), networkPort(reply, at + MSG_SOURCE_PORT)),
        new InetSocketAddress(addresses.remote(reply, at + MSG_DESTINATION, addressLength),
            networkPort(reply, at + MSG_DESTINATION_PORT)),
        TcpState.fromLinuxCode(Byte.toUnsignedInt(reply.get(at + MSG_STATE))));
  }

  private static int networkPort(ByteBuffer reply, int at) {
    return (Byte.toUnsignedInt(reply.get(at)) << 8) | Byte.toUnsignedInt(reply.get(at + 1));
  }

  /**
   * The addresses of one read, each decoded only when it differs from the one before on its side: most sockets of a
   * dump share a handful of addresses, and {@code InetAddress.getByAddress} is the costly part of an entry.
   */
  private static final class Addresses {

    private final Side local = new Side();
    private final Side remote = new Side();

    InetAddress local(ByteBuffer reply, int at, int length) {
      return local.address(reply, at, length);
    }

    InetAddress remote(ByteBuffer reply, int at, int length) {
      return remote.address(reply, at, length);
    }

    private static final class Side {

      private final byte[] bytes4 = new byte[4];
      private final byte[] bytes16 = new byte[16];
      private byte[] lastBytes = new byte[0];
      private InetAddress last;

      InetAddress address(ByteBuffer reply, int at, int length) {
        byte[] bytes = length == 4 ? bytes4 : bytes16;
        reply.get(at, bytes);
        if (!Arrays.equals(bytes, lastBytes)) {
          last = decode(bytes);
          lastBytes = bytes.clone();
        }
        return last;
      }
    }

    private static InetAddress decode(byte[] bytes) {
      try {
        return InetAddress.getByAddress(bytes); // turns ::ffff:a.b.c.d into an Inet4Address
      } catch (UnknownHostException e) {
        throw new IllegalStateException("an address of " + bytes.length + " bytes was refused", e);
      }
    }
  }

  /**
   * The dump request: the states {@link #STATES}, both address families, and a filter program that keeps a socket whose local port
   * is in the selection's local range, or whose remote port is in its remote range. The kernel runs the program from the
   * start: each operation goes on by its "yes" or its "no" offset; a socket is kept if the program ends exactly at
   * its end, dropped if it jumps past it.
   */
  static byte[] request(SocketSelection selection) {
    byte[] filter = filter(selection);
    int attribute = 4 + filter.length;
    int length = NLMSG_HEADER + INET_DIAG_REQ + attribute;
    ByteBuffer message = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
    message.putInt(length).putShort((short) TCPDIAG_GETSOCK).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
        .putInt(REQUEST_SEQUENCE).putInt(0);
    message.position(NLMSG_HEADER + INET_DIAG_REQ - 8).putInt(STATES).putInt(0); // family and socket id: zeros
    message.putShort((short) attribute).putShort((short) INET_DIAG_REQ_BYTECODE).put(filter);
    return message.array();
  }

  private static byte[] filter(SocketSelection selection) {
    int end = 36;
    ByteBuffer program = ByteBuffer.allocate(end).order(ByteOrder.nativeOrder());
    // at 0: local port >= low, or on to 20
    port(op(program, BC_S_GE, 8, 20), selection.localPortLow());
    // at 8: local port <= high, or on to 20
    port(op(program, BC_S_LE, 8, 12), selection.localPortHigh());
    // at 16: in the range: jump to the end, kept
    op(program, BC_JMP, 4, end - 16);
    // at 20 and 28: remote port >= the selection's lowest and <= its highest, or past the end, dropped
    port(op(program, BC_D_GE, 8, end - 20 + 4), selection.remotePortLow());
    port(op(program, BC_D_LE, 8, end - 28 + 4), selection.remotePortHigh());
    return program.array();
  }

  /** struct inet_diag_bc_op: code, yes, no; a port comparison's port goes in the "no" half of the next word. */
  private static ByteBuffer op(ByteBuffer program, int code, int yes, int no) {
    return program.put((byte) code).put((byte) yes).putShort((short) no);
  }

  private static void port(ByteBuffer program, int port) {
    program.putShort((short) 0).putShort((short) port);
  }

  private static int align(int length) {
    return (length + 3) & ~3;
  }
}
