package lab.portexhaustion.strategy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import lab.portexhaustion.config.Timeouts;
import lab.portexhaustion.target.MongoTarget;

/**
 * TCP connect, the request's commands over OP_MSG (one handshake command for the built-in request), close: the kernel's
 * behaviour with no driver in between. The client closes first, so TIME_WAIT lands on the
 * client's ephemeral port, as with a real driver. A run sends it on the virtual user's own event loop ({@link #send});
 * {@link #execute} is the same exchange over a blocking socket.
 */
public final class RawSocketStrategy implements EventLoopStrategy {

  private final InetSocketAddress endpoint;
  private final String connectsTo;
  private final Timeouts timeouts;
  private final HandshakeExchange handshake;
  private final OpenedConnections opened = new OpenedConnections();
  private final AtomicInteger requestIds = new AtomicInteger();

  RawSocketStrategy(MongoTarget target, Timeouts timeouts) throws IOException {
    this.endpoint = target.endpoint();
    this.connectsTo = RawEndpoint.describe(target);
    this.timeouts = timeouts;
    this.handshake = new HandshakeExchange(endpoint, timeouts);
  }

  @Override
  public void execute(RequestWork work) throws IOException {
    try (Socket socket = new Socket()) {
      handshake.connect(socket, endpoint);
      opened.record();
      HandshakeExchange.runBlocking(work, handshake.over(socket));
    }
  }

  @Override
  public CompletionStage<Void> send(RequestWork work, EventLoop loop, ChannelFactory<? extends Channel> channels) {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    ChannelExchange exchange = new ChannelExchange(handshake.command(), timeouts.read(), requestIds::incrementAndGet);
    new Bootstrap()
        .group(loop)
        .channelFactory(channels)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            channel.pipeline().addLast(ChannelExchange.frames(), exchange);
          }
        })
        .connect(endpoint)
        .addListener((ChannelFuture connected) -> {
          if (!connected.isSuccess()) {
            closed.completeExceptionally(connected.cause());
            return;
          }
          opened.record();
          runOn(work, exchange).whenComplete((answered, failure) -> connected.channel().close().addListener(done -> {
            if (failure == null) {
              closed.complete(null);
            } else {
              closed.completeExceptionally(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
            }
          }));
        });
    return closed;
  }

  private static CompletionStage<Void> runOn(RequestWork work, ChannelExchange exchange) {
    try {
      return work.run(exchange);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
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
    return "raw-socket: TCP connect to " + connectsTo + ", the request's commands over OP_MSG (this server's handshake: '" + handshake.command() + "'), close";
  }

  @Override
  public void close() {
    // No connection outlives its request.
  }
}
