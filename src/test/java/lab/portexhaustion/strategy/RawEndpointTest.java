package lab.portexhaustion.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import java.util.List;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.UriMongoTarget;
import org.junit.jupiter.api.Test;

/** The raw strategies' log line names the one host they connect to, and says when the others get nothing. */
class RawEndpointTest {

  @Test
  void aConnectionStringOfSeveralHostsIsSaidToGetRawConnectionsAtItsFirstAlone() {
    UriMongoTarget replicaSet = UriMongoTarget.of(new ConnectionString("mongodb://127.0.0.2:27017,127.0.0.3:27018/?replicaSet=rs0"), "a test");
    UriMongoTarget single = UriMongoTarget.of(new ConnectionString("mongodb://127.0.0.2:27017/"), "a test");

    assertThat(RawEndpoint.describe(replicaSet)).isEqualTo("127.0.0.2:27017 (the first of the 2 hosts listed; the others get no raw connection)");
    assertThat(RawEndpoint.describe(single)).isEqualTo("127.0.0.2:27017");
  }

  /**
   * A mongodb+srv name is no server's address (its hosts are in its SRV record): once probed, raw sockets connect to the
   * first server the probe found, where they went to the name itself at port 27017; a listed host stays where it is.
   */
  @Test
  void aMongodbSrvNameGetsRawConnectionsAtTheFirstServerTheProbeFound() {
    List<InetSocketAddress> found = List.of(InetSocketAddress.createUnresolved("127.0.0.3", 27018),
        InetSocketAddress.createUnresolved("127.0.0.2", 27017));
    MongoTarget srv = UriMongoTarget.of(new ConnectionString("mongodb+srv://cluster0.example.invalid/"), "a test").afterProbe(found);
    MongoTarget listed = UriMongoTarget.of(new ConnectionString("mongodb://127.0.0.2:27017,127.0.0.3:27018/"), "a test")
        .afterProbe(found);

    assertThat(srv.endpoint()).isEqualTo(new InetSocketAddress("127.0.0.3", 27018));
    assertThat(RawEndpoint.describe(srv)).isEqualTo("127.0.0.3:27018 (the first server the probe found behind the"
        + " mongodb+srv name; the others get no raw connection)");
    assertThat(listed.endpoint()).isEqualTo(new InetSocketAddress("127.0.0.2", 27017));
  }
}
