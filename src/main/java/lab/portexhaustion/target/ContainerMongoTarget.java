package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real MongoDB in a container (Testcontainers, pinned image). On Linux the client connects to
 * the container's own bridge address: loopback would let tcp_tw_reuse hide TIME_WAIT (see
 * docs/background.md, "Linux: what decides whether ports run out"). Elsewhere the container is only reachable through its mapped port.
 */
public final class ContainerMongoTarget extends BaseMongoTarget {

  private static final int MONGO_PORT = 27017;

  private final MongoDBContainer container;

  private ContainerMongoTarget(MongoDBContainer container, ConnectionString connection, InetSocketAddress endpoint,
      TargetDescription description) {
    super(connection, endpoint, description);
    this.container = container;
  }

  public static ContainerMongoTarget start(String image, String reason) {
    MongoDBContainer container = new MongoDBContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("mongo"));
    container.start();
    try {
      InetSocketAddress endpoint = reachableEndpoint(container);
      ConnectionString connection = directConnection(endpoint);
      TargetDescription description = new TargetDescription("container", "image " + image, "", address(endpoint),
          connection.getConnectionString(), reason);
      return new ContainerMongoTarget(container, connection, endpoint, description);
    } catch (RuntimeException e) {
      container.stop();
      throw e;
    }
  }

  private static InetSocketAddress reachableEndpoint(MongoDBContainer container) {
    if (isLinux()) {
      String ip = container.getContainerInfo().getNetworkSettings().getIpAddress();
      if (ip != null && !ip.isBlank()) {
        return new InetSocketAddress(ip, MONGO_PORT);
      }
    }
    return new InetSocketAddress(container.getHost(), container.getMappedPort(MONGO_PORT));
  }

  private static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase().startsWith("linux");
  }

  @Override
  public void close() {
    container.stop();
  }
}
