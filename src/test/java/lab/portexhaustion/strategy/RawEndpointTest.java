package lab.portexhaustion.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
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
}
