package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real MongoDB in a container (Testcontainers, pinned image), reached on its bridge address
 * where this host can, else through its mapped port (see {@link ContainerEndpoint}).
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
      ContainerEndpoint.Choice endpoint = ContainerEndpoint.choose(
          ContainerEndpoint.bridgeAddress(container.getContainerInfo().getNetworkSettings()), MONGO_PORT,
          new InetSocketAddress(container.getHost(), container.getMappedPort(MONGO_PORT)), ContainerEndpoint::connects);
      ConnectionString connection = directConnection(endpoint.address());
      TargetDescription description = new TargetDescription("container", "image " + image, "", address(endpoint.address()),
          connection.getConnectionString(), reason + ", reached " + endpoint.how());
      return new ContainerMongoTarget(container, connection, endpoint.address(), description);
    } catch (RuntimeException e) {
      container.stop();
      throw e;
    }
  }

  @Override
  public void close() {
    container.stop();
  }
}
