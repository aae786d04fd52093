package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import lab.portexhaustion.config.MonitoringMode;
import lab.portexhaustion.embedded.AcceptFailure;
import lab.portexhaustion.embedded.ServerStatus;
import lab.portexhaustion.model.ServerSide;

/** A running MongoDB endpoint the load goes to. Closing it stops whatever the harness started. */
public interface MongoTarget extends AutoCloseable {

  /** For the driver-based strategies. May contain credentials: never print it. */
  ConnectionString connectionString();

  /**
   * The one endpoint raw sockets connect to: for a connection string of several hosts, its first; for a mongodb+srv
   * name, once probed ({@link #afterProbe}), the first server the probe found.
   */
  InetSocketAddress endpoint();

  /**
   * This target as the probe found it, {@code members} every server the probe's driver knew of: itself, but for a
   * mongodb+srv name, whose hosts only the driver looks up and whose name is no server's address.
   */
  default MongoTarget afterProbe(List<InetSocketAddress> members) {
    return this;
  }

  /**
   * The addresses the sampler counts connections toward as the target's, each address and port: the endpoint, for a
   * server of one address; for a connection string, every address of every host it lists (none for mongodb+srv, whose
   * hosts only the driver looks up, until the probe has found them: {@link Followed#withMembers}).
   */
  default Followed followed() {
    return Followed.one(endpoint());
  }

  TargetDescription description();

  /**
   * What the model needs to know of this server: whether it shares this process, and whether the driver's
   * monitor streams its heartbeats to it (mongod 4.4 and later do, unless {@code monitoring} forces polling).
   */
  ServerSide serverSide(MonitoringMode monitoring);

  /** The server process's newest figures, where the server is the harness's own process; empty otherwise. */
  default Optional<ServerStatus> serverStatus() {
    return Optional.empty();
  }

  /** What a run records of the server process, where the server is the harness's own process; empty otherwise. */
  default Optional<ServerConditions> serverConditions() {
    return Optional.empty();
  }

  /** Called once, when the server process first fails to accept a connection; never for a server that is not the harness's own. */
  default void onAcceptFailure(Consumer<AcceptFailure> listener) {}

  /**
   * Called once, on a thread of the JDK's, when the server process ends before {@link #close()} ends it; never for a
   * server that is not the harness's own process.
   */
  default void onDeath(Consumer<ProcessDeath> listener) {}

  @Override
  void close();
}
