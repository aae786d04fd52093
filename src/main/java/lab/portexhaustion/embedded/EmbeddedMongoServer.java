package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.mongod.EmbeddedBackend;
import lab.portexhaustion.process.OwnDescriptors;
import org.bson.types.ObjectId;

/**
 * mongo-java-server's wire-protocol handlers and in-memory backend behind the harness's own
 * Netty listener. mongo-java-server's {@code MongoServer} builds the same pipeline but gives no
 * way into it; the limits a real server needs for the idle-connection scenarios (a connection
 * cap, an idle timeout) sit in front of its handlers here, and so do what mongod does that it does not: requests
 * that want no reply ({@link MoreToComeRequests}), an empty document sequence ({@link EmptyDocumentSequences}), the
 * answer to the driver's monitor ({@link StreamingHelloResponder})
 * when monitoring is {@code streaming}, error replies without the legacy {@code $err} ({@link LegacyErrorField}),
 * and the connection figures ({@link ConnectionStatistics}). A failed accept pauses accepting ({@link AcceptFailureLog}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

  // Like mongo-java-server's own listener; the accept queue only matters for bursts of connects.
  private static final int ACCEPT_BACKLOG = 100;
  // 0: Netty's default, two per core, as mongo-java-server's own listener.
  private static final int WORKER_THREADS = 0;
  private static final LegacyErrorField LEGACY_ERROR_FIELD = new LegacyErrorField();
  private static final EmptyDocumentSequences EMPTY_DOCUMENT_SEQUENCES = new EmptyDocumentSequences();

  private final ConnectionStatistics statistics;
  private final MongoBackend backend;
  private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("embedded-mongo-accept", true),
      NioIoHandler.newFactory());
  private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(WORKER_THREADS,
      new DefaultThreadFactory("embedded-mongo-worker", true), NioIoHandler.newFactory());
  private final ChannelGroup clients = new DefaultChannelGroup("embedded-mongo-clients", workers.next());
  private final int connectionCap;
  /** Null when the server has no connection cap. */
  private final ConnectionLimitHandler connectionLimit;
  private final IdleConnectionCloser idleCloser = new IdleConnectionCloser();
  private final AcceptFailureLog acceptFailures = new AcceptFailureLog();
  private final ServerLimits limits;
  private final EmbeddedMonitoring monitoring;
  private final ObjectId processId = new ObjectId();
  private final AtomicInteger replyIds = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private Channel listener;

  /** Its connection cap ({@link ConnectionCap}) comes from this process's descriptor limit and {@code limits}. */
  public EmbeddedMongoServer(ServerLimits limits, EmbeddedMonitoring monitoring) {
    this.limits = limits;
    this.monitoring = monitoring;
    this.connectionCap = ConnectionCap.of(limits, OwnDescriptors.max());
    this.connectionLimit = connectionCap > 0 ? new ConnectionLimitHandler(connectionCap) : null;
    this.statistics = new ConnectionStatistics(clients::size, this::refusedConnections, connectionCap);
    this.backend = new EmbeddedBackend(statistics);
  }

  /** Listens on {@code address}; throws if the port is taken. */
  public void bind(InetSocketAddress address) {
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptor, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
        // Before Netty's acceptor, which it queues behind this handler: failed accepts stop here, with their pause.
        .handler(acceptFailures)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            ChannelPipeline pipeline = channel.pipeline();
            if (connectionLimit != null) {
              pipeline.addLast(connectionLimit);
            }
            if (limits.closesIdle()) {
              pipeline.addLast(new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
              pipeline.addLast(idleCloser);
            }
            pipeline.addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder());
            // Whole frames for the handlers up to mongo-java-server's decoder, which takes them one at a time.
            pipeline.addLast(new LengthFieldBasedFrameDecoder(ByteOrder.LITTLE_ENDIAN,
                MongoWireProtocolHandler.MAX_MESSAGE_SIZE_BYTES, 0, 4, -4, 0, true), new MoreToComeRequests(), EMPTY_DOCUMENT_SEQUENCES,
                LEGACY_ERROR_FIELD);
            if (monitoring == EmbeddedMonitoring.STREAMING) {
              pipeline.addLast(new StreamingHelloResponder(statistics, processId, replyIds));
            }
            pipeline.addLast(new MongoWireProtocolHandler(), statistics,
                new MongoDatabaseHandler(backend, clients), new MongoExceptionHandler());
          }
        });
    listener = bootstrap.bind(address).syncUninterruptibly().channel();
  }

  /** The listener's pipeline, where accept failures arrive; for tests. */
  ChannelPipeline listenerPipeline() {
    return listener.pipeline();
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** Connections open now (those the limit refused never count). */
  public int openConnections() {
    return clients.size();
  }

  /** The most connections it holds, 0 for no cap ({@link ConnectionCap}). */
  public int connectionCap() {
    return connectionCap;
  }

  /** Connections the cap closed on arrival so far. */
  public long refusedConnections() {
    return connectionLimit == null ? 0 : connectionLimit.refused();
  }

  /** The first connection the cap refused, or null. */
  RefusedConnection firstRefused() {
    return connectionLimit == null ? null : connectionLimit.first();
  }

  /** Accepts that failed so far (at the descriptor limit: EMFILE). */
  public long acceptFailures() {
    return acceptFailures.failures();
  }

  /** The first failed accept, or null. */
  public AcceptFailure firstAcceptFailure() {
    return acceptFailures.first();
  }

  /** Connections closed for being idle so far. */
  public long idleClosedConnections() {
    return idleCloser.closed();
  }

  /** Stops listening, closes every client connection and the backend; a second call does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (listener != null) {
      listener.close().syncUninterruptibly();
    }
    clients.close().syncUninterruptibly();
    acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    backend.close();
  }
}
