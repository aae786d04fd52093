package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.ConnectionString;
import com.mongodb.MongoConfigurationException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.naming.NameNotFoundException;
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

      assertThat(message).contains("closed the connection before it answered", "(at most 1 connection (80 %",
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

  /** A name under .invalid, which DNS never holds (RFC 6761): no server is ever asked, so no wait is the cause. */
  @Test
  void anSrvNameThatDnsDoesNotHoldIsSaidNotFoundNotSlow() {
    String message = failure(uri("mongodb+srv://alice:" + PASSWORD + "@no-such-cluster.invalid/"), ServerLimits.NONE);

    assertThat(message).startsWith("The uri target mongodb+srv://alice:****@no-such-cluster.invalid/")
        .containsAnyOf(" was not found: DNS has no SRV record for no-such-cluster.invalid (DNS name not found",
            ": the SRV record for no-such-cluster.invalid could not be looked up (")
        .contains("Check the host name in 'uri'", "-Dtarget=embedded")
        .doesNotContain(PASSWORD, "did not answer", "-Dtimeouts.serverSelection");
  }

  @Test
  void aHostNameThatDoesNotResolveIsSaidNotFoundNotSlow() {
    String message = failure(uri("mongodb://no-such-host.invalid:27017/"), ServerLimits.NONE);

    assertThat(message).containsAnyOf(" was not found: DNS has no address for no-such-host.invalid",
            ": the address for no-such-host.invalid could not be looked up")
        .contains("Check the host name in 'uri'").doesNotContain("did not answer", "-Dtimeouts.serverSelection");
  }

  /** The wording of each, from the exceptions the driver and the JDK give, whatever this machine's resolver answers. */
  @Test
  void aNameNotFoundAndALookupThatFailedAreToldApart() {
    ConnectionString srv = new ConnectionString("mongodb+srv://no-such-cluster.invalid/");
    TargetDescription target = UriMongoTarget.of(srv, "asked for with target=uri").description();
    MongoTimeoutException notFound = new MongoTimeoutException("Timed out while waiting for a server");
    notFound.addSuppressed(new MongoConfigurationException("Failed looking up SRV record", new NameNotFoundException("DNS name not found [response code 3]")));
    MongoTimeoutException noDns = new MongoTimeoutException("Timed out while waiting for a server");
    noDns.addSuppressed(new MongoSocketException("no-such-host.invalid", new ServerAddress(),
        new UnknownHostException("no-such-host.invalid: Temporary failure in name resolution")));

    assertThat(ProbeFailure.paragraph(target, notFound, ONE_SECOND, ServerLimits.NONE, srv)).isEqualTo(
        "The uri target mongodb+srv://no-such-cluster.invalid/ was not found: DNS has no SRV record for no-such-cluster.invalid"
            + " (DNS name not found [response code 3]), so no load was sent. Check the host name in 'uri' (a mongodb+srv:// name is"
            + " the cluster's, as its provider gives it), or run against the built-in server with -Dtarget=embedded.");
    assertThat(ProbeFailure.paragraph(target, noDns, ONE_SECOND, ServerLimits.NONE, srv)).endsWith(
        ": the address for no-such-host.invalid could not be looked up (Temporary failure in name resolution), so no load was sent. Check that this"
            + " machine's DNS server answers, and the host name in 'uri', or run against the built-in server with -Dtarget=embedded.");
  }

  /** The embedded server has no TLS: it reads the handshake as the start of a request and waits for the rest. */
  @Test
  void tlsAgainstAServerWithoutItIsNamedAsTheLikelyCauseOfTheSilence() {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test")) {
      String message = failure(uri("mongodb://" + server.description().address() + "/?tls=true"), ServerLimits.NONE);

      assertThat(message).contains("did not answer within 1 s",
          "With tls=true in 'uri', a server without TLS never answers the handshake: leave tls out for such a server.");
    }
  }

  @Test
  void aPlainConnectionClosedBeforeAnyAnswerNamesATlsOnlyServerAsACause() {
    ConnectionString plain = new ConnectionString("mongodb://db.example.net:27017");
    TargetDescription target = UriMongoTarget.of(plain, "asked for with target=uri").description();
    MongoSocketReadException closed = new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress());

    assertThat(ProbeFailure.paragraph(target, closed, ONE_SECOND, ServerLimits.NONE, plain)).contains("closed the connection before it"
        + " answered", "A server that takes TLS connections alone closes a plain one so too: add tls=true to 'uri' for such a server.");
  }

  /** The driver drops a standalone server from a replica set's view and waits out its selection: the server did answer. */
  @Test
  void aServerOutsideTheReplicaSetNamedIsSaidSoNotSilent() {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test")) {
      String message = failure(uri("mongodb://" + server.description().address() + "/?replicaSet=rs-that-is-not"), ServerLimits.NONE);

      assertThat(message).isEqualTo("The uri target mongodb://" + server.description().address() + "/?replicaSet=rs-that-is-not"
          + " answered as a standalone server, not as a member of the replica set 'rs-that-is-not' that 'replicaSet' in 'uri' asks"
          + " for, so the driver left it out and no load was sent. Leave replicaSet out of 'uri' for a server that is not a replica"
          + " set member.");
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
