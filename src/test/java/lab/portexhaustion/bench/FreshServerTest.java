package lab.portexhaustion.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Every side of a throughput repetition starts from an empty server, and no server outlives its side. */
class FreshServerTest {

  @Test
  void whatOneSideWroteIsNotThereForTheNext() throws Exception {
    String first = FreshServer.run(uri -> {
      try (MongoClient client = MongoClients.create(uri)) {
        client.getDatabase("portexhaustionlab").getCollection("requests").insertOne(new Document("side", 1));
        assertThat(client.getDatabase("portexhaustionlab").getCollection("requests").countDocuments()).isEqualTo(1);
      }
      return uri;
    });

    String second = FreshServer.run(uri -> {
      try (MongoClient client = MongoClients.create(uri)) {
        assertThat(client.getDatabase("portexhaustionlab").getCollection("requests").countDocuments()).isZero();
      }
      return uri;
    });

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void theServerIsClosedWhenItsSideEnds() throws Exception {
    String uri = FreshServer.run(u -> u);

    String hostAndPort = new ConnectionString(uri).getHosts().get(0);
    int colon = hostAndPort.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(
          new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1))), 1000))
          .isInstanceOf(IOException.class);
    }
  }
}
