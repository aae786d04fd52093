package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.NetworkConditionsReader;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortSampler;
import lab.portexhaustion.sockets.SocketTable;
import org.junit.jupiter.api.Test;

/**
 * A uri target of two hosts, as a replica set's connection string lists them: plain server sockets on two loopback
 * addresses (127.0.0.2 and 127.0.0.3, of this machine's 127.0.0.0/8), a few connections held open to each, as the
 * driver holds toward every host. The sampler, on the real kernel's socket table, counts those toward both, as
 * {@code ss} does; it counted the first host's alone (3 of 8 established).
 */
class UriTargetHostsSampledTest {

  private static final int TO_FIRST = 3;
  private static final int TO_SECOND = 5;

  @Test
  void theSamplerCountsTheConnectionsTowardEveryHostListed() throws Exception {
    try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"));
        ServerSocket second = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.3"))) {
      String firstHost = "127.0.0.2:" + first.getLocalPort();
      String secondHost = "127.0.0.3:" + second.getLocalPort();
      UriMongoTarget target = UriMongoTarget.of(new ConnectionString("mongodb://" + firstHost + "," + secondHost + "/?replicaSet=rs0"),
          "a test");
      List<Socket> held = new ArrayList<>();
      try {
        connect(held, first, TO_FIRST);
        connect(held, second, TO_SECOND);
        try (PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), target.followed().addresses(), NetworkConditionsReader.read(),
            Instant.now())) {
          FullSample sample = sampler.snapshot(PortSample.Tier.FULL);
          long bySs = ssEstablished(firstHost, secondHost);

          assertThat(bySs).as("ss: the client sockets toward both hosts").isEqualTo(TO_FIRST + TO_SECOND);
          assertThat(sample.towardTarget().established()).as("established toward the target").isEqualTo(bySs);
          assertThat(sample.ports().towardTarget()).as("ports toward the target").isEqualTo(TO_FIRST + TO_SECOND);
        }
        assertThat(target.endpoint()).as("raw sockets: the first host").isEqualTo(new InetSocketAddress("127.0.0.2", first.getLocalPort()));
        assertThat(target.followed().said()).isEqualTo(firstHost + ", " + secondHost);
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /**
   * A replica set named by one member: the driver learns the other from its answers and connects to it, so the sampler
   * counts the connections toward both, as {@code ss} does. Before, it followed the listed member alone (3 of 8).
   */
  @Test
  void theSamplerCountsTheConnectionsTowardAMemberTheProbeLearntOf() throws Exception {
    try (TwoMemberReplicaSet set = new TwoMemberReplicaSet()) {
      UriMongoTarget target = UriMongoTarget.of(new ConnectionString("mongodb://" + set.primaryHost() + "/?replicaSet="
          + TwoMemberReplicaSet.NAME), "a test");
      ProbedTarget probed = ServerProbe.describe(target, new ProbeTimeout(Duration.ofSeconds(10), "the test's"), ServerLimits.NONE);
      Followed followed = target.followed().withMembers(probed.members());
      List<Socket> held = new ArrayList<>();
      try {
        connectTo(held, set.primaryHost(), TO_FIRST);
        connectTo(held, set.secondaryHost(), TO_SECOND);
        try (PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), followed.addresses(), NetworkConditionsReader.read(),
            Instant.now())) {
          FullSample sample = sampler.snapshot(PortSample.Tier.FULL);

          assertThat(probed.description().serverVersion()).isEqualTo("7.0.0");
          assertThat(ssEstablished(set.primaryHost(), set.secondaryHost())).as("ss").isEqualTo(TO_FIRST + TO_SECOND);
          assertThat(sample.towardTarget().established()).as("established toward the target").isEqualTo(TO_FIRST + TO_SECOND);
          assertThat(followed.said()).isEqualTo(set.primaryHost() + "; and the hosts the deployment named to the probe: "
              + set.secondaryHost());
        }
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /**
   * A mongodb+srv name's hosts are in DNS, which the driver asks and the harness does not: it follows none before the
   * probe, and then the hosts the probe's driver found.
   */
  @Test
  void anSrvTargetFollowsTheHostsTheProbeFound() {
    UriMongoTarget target = UriMongoTarget.of(new ConnectionString("mongodb+srv://cluster0.example.invalid/"), "a test");
    Followed afterProbe = target.followed().withMembers(List.of(InetSocketAddress.createUnresolved("127.0.0.2", 27017),
        InetSocketAddress.createUnresolved("127.0.0.3", 27018)));

    assertThat(target.followed().addresses()).isEmpty();
    assertThat(target.followed().said()).isEqualTo("none yet: the hosts of a mongodb+srv name are in its SRV record, which"
        + " the driver looks up");
    assertThat(afterProbe.addresses()).containsExactlyInAnyOrder(new InetSocketAddress("127.0.0.2", 27017),
        new InetSocketAddress("127.0.0.3", 27018));
    assertThat(afterProbe.said()).isEqualTo("the hosts the deployment named to the probe: 127.0.0.2:27017, 127.0.0.3:27018");
  }

  /**
   * A host the deployment names that does not resolve here is said, as a listed host that does not resolve is, and not
   * counted; one the connection string lists is said once.
   */
  @Test
  void aMemberThatDoesNotResolveIsSaidAndNotCounted() {
    UriMongoTarget srv = UriMongoTarget.of(new ConnectionString("mongodb+srv://cluster0.example.invalid/"), "a test");
    UriMongoTarget listed = UriMongoTarget.of(new ConnectionString("mongodb://127.0.0.2:27017,db9.example.invalid:27019/"),
        "a test");
    List<InetSocketAddress> members = List.of(InetSocketAddress.createUnresolved("db9.example.invalid", 27019),
        InetSocketAddress.createUnresolved("127.0.0.2", 27017));

    Followed fromSrv = srv.followed().withMembers(members);
    Followed fromList = listed.followed().withMembers(members);

    assertThat(fromSrv.addresses()).containsExactly(new InetSocketAddress("127.0.0.2", 27017));
    assertThat(fromSrv.said()).isEqualTo("the hosts the deployment named to the probe: db9.example.invalid:27019 (did not"
        + " resolve: not counted), 127.0.0.2:27017");
    assertThat(fromList.addresses()).containsExactly(new InetSocketAddress("127.0.0.2", 27017));
    assertThat(fromList.said()).as("said once, as the connection string lists it").isEqualTo(listed.followed().said());
  }

  /**
   * A member that does not resolve is said even where its name is part of a listed one's: the log once left out
   * b9.example.invalid for the listed db9.example.invalid, as its words were found inside the listed host's.
   */
  @Test
  void aMemberWhoseNameIsPartOfAListedOnesIsSaidToo() {
    UriMongoTarget listed = UriMongoTarget.of(new ConnectionString("mongodb://127.0.0.2:27017,db9.example.invalid:27019/"),
        "a test");

    Followed followed = listed.followed().withMembers(List.of(InetSocketAddress.createUnresolved("b9.example.invalid", 27019)));

    assertThat(followed.said()).isEqualTo(listed.followed().said()
        + "; and the hosts the deployment named to the probe: b9.example.invalid:27019 (did not resolve: not counted)");
  }

  /** Opens {@code count} connections to {@code host} ({@code address:port}), kept open in {@code held}. */
  private static void connectTo(List<Socket> held, String host, int count) throws IOException {
    int colon = host.lastIndexOf(':');
    for (int i = 0; i < count; i++) {
      held.add(new Socket(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1))));
    }
  }

  /** Opens {@code count} connections to {@code server}, each accepted, both ends kept open in {@code held}. */
  private static void connect(List<Socket> held, ServerSocket server, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      held.add(new Socket(server.getInetAddress(), server.getLocalPort()));
      held.add(server.accept());
    }
  }

  private static long ssEstablished(String firstHost, String secondHost) throws IOException, InterruptedException {
    Process ss = new ProcessBuilder("ss", "-Htn", "state", "established", "( dst " + firstHost + " or dst " + secondHost + " )")
        .redirectErrorStream(true).start();
    String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ss.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ss.exitValue()).as(out).isZero();
    return out.lines().filter(line -> !line.isBlank()).count();
  }
}
