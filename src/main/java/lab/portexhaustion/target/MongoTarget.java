package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;

/** A running MongoDB endpoint the load goes to. Closing it stops whatever the harness started. */
public interface MongoTarget extends AutoCloseable {

  /** For the driver-based strategies. May contain credentials: never print it. */
  ConnectionString connectionString();

  /** The one endpoint raw sockets connect to and the sampler watches. */
  InetSocketAddress endpoint();

  TargetDescription description();

  @Override
  void close();
}
