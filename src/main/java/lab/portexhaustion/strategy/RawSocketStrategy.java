package lab.portexhaustion.strategy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import lab.portexhaustion.config.Timeouts;
import lab.portexhaustion.target.MongoTarget;

/**
 * TCP connect, the request's commands over OP_MSG (one handshake command for the built-in request), close: the kernel's
 * behaviour with no driver in between. The client closes first, so TIME_WAIT lands on the
 * client's ephemeral port, as with a real driver.
 */
public final class RawSocketStrategy implements ConnectionStrategy {

  private final InetSocketAddress endpoint;
  private final HandshakeExchange handshake;
  private final OpenedConnections opened = new OpenedConnections();

  RawSocketStrategy(MongoTarget target, Timeouts timeouts) throws IOException {
    this.endpoint = target.endpoint();
    this.handshake = new HandshakeExchange(endpoint, timeouts);
  }

  @Override
  public void execute(RequestWork work) throws IOException {
    try (Socket socket = new Socket()) {
      handshake.connect(socket, endpoint);
      opened.record();
      work.run(handshake.over(socket));
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

  @Override
  public String describe() {
    return "raw-socket: TCP connect, the request's commands over OP_MSG (this server's handshake: '" + handshake.command() + "'), close";
  }

  @Override
  public void close() {
    // No connection outlives its request.
  }
}
