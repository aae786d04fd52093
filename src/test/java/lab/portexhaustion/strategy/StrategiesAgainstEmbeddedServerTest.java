package lab.portexhaustion.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.ConnectionString;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.sockets.SocketEntry;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.sockets.TcpState;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import lab.portexhaustion.target.UriMongoTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every strategy with the real driver against the embedded server on a real loopback socket. */
class StrategiesAgainstEmbeddedServerTest {

  private static EmbeddedMongoTarget server;

  @BeforeAll
  static void startServer() {
    server = EmbeddedMongoTarget.start("test");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void everyStrategyServesRequestsForEveryOperation(StrategyKind kind) throws Exception {
    for (String operation : new String[] {"ping", "insert", "find", "insert-then-find"}) {
      HarnessSettings settings = TestSettings.with("operation", operation);
      try (ConnectionStrategy strategy = StrategyFactory.create(kind, server, settings, SocketErrorListener.NONE)) {
        for (int i = 0; i < 3; i++) {
          strategy.execute(StrategyFactory.settingsOperation(settings));
        }
      }
    }
  }

  @Test
  void clientPerRequestLeavesItsConnectionsInTimeWaitOnTheClientSide() throws Exception {
    try (ConnectionStrategy strategy = StrategyFactory.create(StrategyKind.CLIENT_PER_REQUEST, server, TestSettings.with(), SocketErrorListener.NONE)) {
      long before = timeWaitTowardServer();
      for (int i = 0; i < 5; i++) {
        strategy.execute(StrategyFactory.settingsOperation(TestSettings.with()));
      }
      // Each client opens a monitoring and a pool connection (docs/background.md, "Connections per MongoClient").
      assertThat(timeWaitTowardServer() - before).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void rawSocketSendsHelloToAServerThatAnswersAsMongodDoes() throws Exception {
    try (ConnectionStrategy strategy = StrategyFactory.create(StrategyKind.RAW_SOCKET, server, TestSettings.with(), SocketErrorListener.NONE)) {
      assertThat(strategy.describe()).contains("'hello'");
      long before = timeWaitTowardServer();
      strategy.execute(StrategyFactory.settingsOperation(TestSettings.with()));
      assertThat(timeWaitTowardServer() - before).isEqualTo(1);
    }
  }

  @Test
  void rawSocketFallsBackToIsMasterOnAServerWithoutHello() throws Exception {
    try (IsMasterOnlyServer old = IsMasterOnlyServer.start();
        ConnectionStrategy strategy = StrategyFactory.create(StrategyKind.RAW_SOCKET,
            UriMongoTarget.of(new ConnectionString("mongodb://127.0.0.1:" + old.port()), "test"), TestSettings.with(),
            SocketErrorListener.NONE)) {
      assertThat(strategy.describe()).contains("'isMaster'");
      strategy.execute(StrategyFactory.settingsOperation(TestSettings.with()));
      // hello once, while the strategy was built; then the request's handshake is the one the server knows.
      assertThat(old.commands()).containsExactly("hello", "isMaster");
    }
  }

  @Test
  void rawSocketSaysHelloToThePollingServerToo() throws Exception {
    try (EmbeddedMongoTarget polling = EmbeddedMongoTarget.start("test", ServerLimits.NONE, EmbeddedMonitoring.POLLING, port -> true);
        ConnectionStrategy strategy = StrategyFactory.create(StrategyKind.RAW_SOCKET, polling, TestSettings.with(), SocketErrorListener.NONE)) {
      assertThat(strategy.describe()).contains("'hello'");
      strategy.execute(StrategyFactory.settingsOperation(TestSettings.with()));
    }
  }

  @Test
  void clientPerRequestReportsTheSocketErrorTheDriverOnlyGaveItsListeners() {
    Throwable failure = failureAfterTheServerStopped(StrategyKind.CLIENT_PER_REQUEST);

    // The driver throws a server-selection timeout; the refused connect comes from its listener.
    assertThat(failure).isInstanceOf(com.mongodb.MongoTimeoutException.class);
    assertThat(ErrorClassifier.classify(failure).code()).isEqualTo("ECONNREFUSED");
  }

  @Test
  void rawSocketToAClosedPortIsRefusedByTheKernel() {
    assertThat(ErrorClassifier.classify(failureAfterTheServerStopped(StrategyKind.RAW_SOCKET)).code()).isEqualTo("ECONNREFUSED");
  }

  @Test
  void pooledRequestsFailWhenTheServerIsGoneAndThatIsNotExhaustion() {
    ErrorKind kind = ErrorClassifier.classify(failureAfterTheServerStopped(StrategyKind.POOLED)).kind();

    assertThat(kind).isIn(ErrorKind.SERVER_REFUSED, ErrorKind.TIMEOUT);
  }

  /**
   * Connections each pattern reports opening, from its drivers' events and its own connects: a client of its own per
   * request opens its pool connection and its monitoring one (the embedded server's monitor polls); a pool opens its
   * few once; a raw socket is one connection.
   */
  @Test
  void connectionsOpenedAsTheDriverAndTheSocketsReportThem() throws Exception {
    HarnessSettings settings = TestSettings.with("operation", "ping");
    try (ConnectionStrategy perRequest = StrategyFactory.create(StrategyKind.CLIENT_PER_REQUEST, server, settings, SocketErrorListener.NONE);
        ConnectionStrategy raw = StrategyFactory.create(StrategyKind.RAW_SOCKET, server, settings, SocketErrorListener.NONE);
        ConnectionStrategy pooled = StrategyFactory.create(StrategyKind.POOLED, server, settings, SocketErrorListener.NONE)) {
      long pooledBefore = pooled.connectionsOpened();
      for (int i = 0; i < 5; i++) {
        perRequest.execute(StrategyFactory.settingsOperation(settings));
        raw.execute(StrategyFactory.settingsOperation(settings));
        pooled.execute(StrategyFactory.settingsOperation(settings));
      }
      assertThat(perRequest.connectionsOpened()).isEqualTo(10);
      assertThat(raw.connectionsOpened()).isEqualTo(5);
      assertThat(pooledBefore).as("the pool's connection and its monitor's, opened to prepare").isEqualTo(2);
      assertThat(pooled.connectionsOpened()).as("reused, one request after the other").isEqualTo(2);
    }
  }

  /** A strategy that worked, then its server's port closed: the next request's failure. */
  private static Throwable failureAfterTheServerStopped(StrategyKind kind) {
    EmbeddedMongoTarget doomed = EmbeddedMongoTarget.start("test");
    try (ConnectionStrategy strategy = StrategyFactory.create(kind, doomed, TestSettings.with(), SocketErrorListener.NONE)) {
      Throwable first = catchThrowable(() -> strategy.execute(StrategyFactory.settingsOperation(TestSettings.with())));
      assertThat(first).as("request while the server runs").isNull();
      doomed.close();
      Throwable failure = catchThrowable(() -> strategy.execute(StrategyFactory.settingsOperation(TestSettings.with())));
      assertThat(failure).as("request after the server stopped").isNotNull();
      return failure;
    }
  }

  /**
   * Client sockets toward the server in TIME_WAIT, once none is still on its way there: a
   * connection the client has just closed sits in FIN_WAIT until the server's FIN arrives, and
   * counting then would put it in the wrong side of a before/after difference.
   */
  private static long timeWaitTowardServer() throws Exception {
    Set<TcpState> closing = EnumSet.of(TcpState.FIN_WAIT1, TcpState.FIN_WAIT2, TcpState.CLOSING);
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (true) {
      List<SocketEntry> toward = SocketTable.forThisMachine().read().stream().filter(s -> s.remote().equals(server.endpoint()))
          .toList();
      if (toward.stream().noneMatch(s -> closing.contains(s.state())) || System.nanoTime() > deadline) {
        return toward.stream().filter(s -> s.state() == TcpState.TIME_WAIT).count();
      }
      Thread.sleep(10);
    }
  }
}
