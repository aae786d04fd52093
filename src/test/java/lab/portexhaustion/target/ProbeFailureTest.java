package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.ConnectionString;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.config.Timeouts;
import lab.portexhaustion.sockets.ClosedPort;
import org.junit.jupiter.api.Test;

/** The probe's paragraph says what the target did, from the driver's real failures, with the advice that fits the target. */
class ProbeFailureTest {

  private static final String PASSWORD = "Tr0ub4dor-and-3";
  private static final ProbeTimeout ONE_SECOND = new ProbeTimeout(Duration.ofSeconds(1), "the test's own");

  private static String failure(MongoTarget target, ServerLimits embedded) {
    return failure(target, ONE_SECOND, embedded);
  }

  private static String failure(MongoTarget target, ProbeTimeout timeout, ServerLimits embedded) {
    return catchThrowableOfType(() -> ServerProbe.describe(target, timeout, embedded), TargetUnavailableException.class).getMessage();
  }

  private static MongoTarget uri(String uri) {
    return UriMongoTarget.of(new ConnectionString(uri), "asked for with target=uri");
  }

  @Test
  void credentialsTheServerTurnsDownAreSaidSoAtOnceWithoutThePassword() {
    // mongo-java-server has no authentication: it answers saslStart with an error.
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test")) {
      ProbeTimeout halfAMinute = new ProbeTimeout(Duration.ofSeconds(30), "the test's own");
      long began = System.nanoTime();
      String message = failure(uri("mongodb://alice:" + PASSWORD + "@" + server.description().address() + "/?authSource=admin"),
          halfAMinute, ServerLimits.NONE);

      assertThat(Duration.ofNanos(System.nanoTime() - began)).as("an answer, not a wait").isLessThan(Duration.ofSeconds(15));
      assertThat(message).startsWith("The uri target mongodb://alice:****@" + server.description().address())
          .contains("turned down the credentials in 'uri' (the server said: error 59 CommandNotFound, no such command: 'saslStart')",
              "Check the user name, the password and authSource")
          .doesNotContain(PASSWORD, "did not answer", "-Dtarget=embedded");
    }
  }

  @Test
  void aRefusedPortIsSaidRefusedForTheWholeWaitAndNamesTheSettingOfTheWait() throws Exception {
    try (ClosedPort closed = ClosedPort.held()) {
      String message = failure(uri("mongodb://127.0.0.1:" + closed.port()), ServerLimits.NONE);

      assertThat(message).contains("refused the connection (ECONNREFUSED Connection refused) throughout the probe's wait of 1 s,"
              + " the test's own", "Nothing listens on 127.0.0.1:" + closed.port(), "-Dtarget=embedded")
          .doesNotContain("did not answer");
    }
  }

  /** The driver connects to a SOCKS5 proxy a connection string names, not to the server: a refusal is the proxy's. */
  @Test
  void aRefusedProxyIsNamedAsTheProxyNotTheServer() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test"); ClosedPort closed = ClosedPort.held()) {
      String message = failure(uri("mongodb://" + server.description().address() + "/?proxyHost=127.0.0.1&proxyPort=" + closed.port()
          + "&proxyUsername=px&proxyPassword=" + PASSWORD), ServerLimits.NONE);

      assertThat(message).contains("Nothing listens on the proxy at 127.0.0.1:" + closed.port() + " ('proxyHost' in 'uri')")
          .doesNotContain("Nothing listens on " + server.description().address(), PASSWORD);
    }
  }

  @Test
  void anEmbeddedServerGoneIsNotToldToUseTheEmbeddedServer() {
    EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
    server.close();

    String message = failure(server, ServerLimits.NONE);

    assertThat(message).startsWith("The embedded target").contains("refused the connection", "the embedded server's process no longer")
        .doesNotContain("-Dtarget=embedded", "'uri'");
  }

  @Test
  void anEmbeddedServerClosingTheProbeByItsLimitsNamesTheLimits() {
    // One connection at most: the monitor's takes it, the command's is closed as it arrives.
    ServerLimits oneConnection = new ServerLimits(1, Duration.ZERO);
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", oneConnection, EmbeddedMonitoring.STREAMING, port -> true)) {
      String message = failure(server, oneConnection);

      assertThat(message).contains("closed the connection before it answered", "(at most 1 connections",
              "embedded.idleTimeout, embedded.maxIncomingConnections or embedded.maxDescriptors is too low for the probe")
          .doesNotContain("did not answer", "-Dtarget=embedded", "'uri'");
    }
  }

  @Test
  void aServerThatNeverAnswersDidNotAnswerWithinTheWait() throws Exception {
    // Listening, so the kernel completes the connection, but never accepting: the hello waits for a reply that never comes.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String message = failure(uri("mongodb://127.0.0.1:" + silent.getLocalPort()), ServerLimits.NONE);

      assertThat(message).contains("did not answer within 1 s, the test's own (timeout:", "-Dtimeouts.serverSelection");
    }
  }

  @Test
  void theWaitIsTheServerSelectionTimeoutNeverUnderTenSecondsAndSaysSo() {
    ProbeTimeout shortSelection = ProbeTimeout.of(new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(1500), Duration.ofSeconds(5)));
    ProbeTimeout longSelection = ProbeTimeout.of(new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5)));

    assertThat(shortSelection.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(shortSelection.text()).isEqualTo("10 s, the longer of timeouts.serverSelection (1.5 s) and 10 s");
    assertThat(longSelection.duration()).isEqualTo(Duration.ofSeconds(30));
  }
}
