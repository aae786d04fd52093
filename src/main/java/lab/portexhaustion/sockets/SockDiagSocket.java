package lab.portexhaustion.sockets;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A netlink socket to the kernel's socket-diagnostics family, through the C library: the JDK opens no netlink
 * sockets, and JNA is here already (OSHI uses it). One request, its replies read until they end, then closed.
 */
final class SockDiagSocket implements AutoCloseable {

  private static final int AF_NETLINK = 16;
  private static final int SOCK_RAW = 3;
  private static final int SOCK_CLOEXEC = 0x80000; // so that a process started meanwhile does not inherit it
  private static final int NETLINK_SOCK_DIAG = 4;
  /**
   * The kernel queues the next part of a dump before the read of the previous one returns, so a read that would
   * wait means the reply is broken: it fails instead of blocking the sampler's thread.
   */
  private static final int MSG_DONTWAIT = 0x40;

  static {
    Native.register("c");
  }

  private final int fd;

  SockDiagSocket() throws IOException {
    fd = call(() -> socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG), "open a sock_diag netlink socket");
  }

  void send(byte[] request) throws IOException {
    long sent = call(() -> send(fd, request, new NativeLong(request.length), 0).longValue(), "send the sock_diag request");
    if (sent != request.length) {
      throw new IOException("sent " + sent + " of the sock_diag request's " + request.length + " bytes");
    }
  }

  /** Reads the next part of the reply into {@code into} (a direct buffer), from position 0; returns its length. */
  int receive(ByteBuffer into) throws IOException {
    into.clear(); // JNA passes the buffer from its position
    long length = call(() -> recv(fd, into, new NativeLong(into.capacity()), MSG_DONTWAIT).longValue(),
        "read the sock_diag reply");
    into.limit((int) length);
    return (int) length;
  }

  @Override
  public void close() {
    close(fd);
  }

  private interface NativeCall {
    long run();
  }

  private static int call(NativeCall call, String what) throws IOException {
    try {
      return (int) call.run();
    } catch (LastErrorException e) {
      throw new IOException("cannot " + what + ": errno " + e.getErrorCode() + " (" + e.getMessage() + ")", e);
    }
  }

  private static native int socket(int domain, int type, int protocol) throws LastErrorException;

  private static native NativeLong send(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

  private static native NativeLong recv(int fd, ByteBuffer buffer, NativeLong length, int flags) throws LastErrorException;

  private static native int close(int fd);
}
