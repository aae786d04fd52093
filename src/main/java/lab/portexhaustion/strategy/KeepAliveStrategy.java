package lab.portexhaustion.strategy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import lab.portexhaustion.config.Timeouts;
import lab.portexhaustion.target.MongoTarget;

/**
 * The clients of the incident's second failure: each request opens a connection, sends its commands
 * (one handshake command for the built-in request), reads the replies, and then leaves the connection open and idle, as a browser keeps an
 * HTTP keep-alive connection. The client lets go of it only when the server closes it; against
 * a server without an idle timeout, every request leaves one more open connection (two
 * descriptors when client and server share the process).
 */
public final class KeepAliveStrategy implements ConnectionStrategy {

  private final InetSocketAddress endpoint;
  private final String connectsTo;
  private final HandshakeExchange handshake;
  private final IdleConnections idle;
  private final OpenedConnections opened = new OpenedConnections();

  KeepAliveStrategy(MongoTarget target, Timeouts timeouts) throws IOException {
    this.endpoint = target.endpoint();
    this.connectsTo = RawEndpoint.describe(target);
    this.handshake = new HandshakeExchange(endpoint, timeouts);
    this.idle = new IdleConnections();
  }

  @Override
  public void execute(RequestWork work) throws IOException {
    // A channel, not a plain socket: once idle, one selector thread watches them all for the server's close.
    SocketChannel channel = SocketChannel.open();
    try {
      handshake.connect(channel.socket(), endpoint);
      opened.record();
      HandshakeExchange.runBlocking(work, handshake.over(channel.socket()));
      idle.keep(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public boolean usesDriver() {
    return false;
  }

  @Override
  public long connectionsOpened() {
    return opened.total();
  }

  /** Connections kept open now. */
  public int idleConnections() {
    return idle.count();
  }

  @Override
  public String describe() {
    return "keep-alive: TCP connect to " + connectsTo + ", the request's commands over OP_MSG (this server's handshake: '" + handshake.command() + "'), then the connection left open and idle"
        + " until the server closes it";
  }

  @Override
  public void close() {
    idle.close();
  }
}
