package lab.portexhaustion.strategy;

import com.mongodb.connection.ConnectionId;
import com.mongodb.event.ConnectionPoolListener;
import com.mongodb.event.ConnectionReadyEvent;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerHeartbeatStartedEvent;
import com.mongodb.event.ServerHeartbeatSucceededEvent;
import com.mongodb.event.ServerMonitorListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One MongoClient's connections as its driver reports them: a pool connection when it is ready (connected and
 * handshaken); a monitoring connection at the first heartbeat started on it, since the driver reports the opening
 * handshake as started only, and takes it back when that connection fails before any heartbeat on it succeeded (it
 * never connected: at exhaustion, the monitor keeps trying). The driver tells of no other connection (the streaming
 * monitor's round-trip-time one is silent): what it leaves out shows as more ports per connection.
 */
final class DriverConnectionEvents implements ConnectionPoolListener, ServerMonitorListener {

  private final OpenedConnections opened;
  private final Set<ConnectionId> monitoring = ConcurrentHashMap.newKeySet();
  private final Set<ConnectionId> answered = ConcurrentHashMap.newKeySet();

  DriverConnectionEvents(OpenedConnections opened) {
    this.opened = opened;
  }

  @Override
  public void connectionReady(ConnectionReadyEvent event) {
    opened.record();
  }

  @Override
  public void serverHearbeatStarted(ServerHeartbeatStartedEvent event) {
    if (monitoring.add(event.getConnectionId())) {
      opened.record();
    }
  }

  @Override
  public void serverHeartbeatSucceeded(ServerHeartbeatSucceededEvent event) {
    answered.add(event.getConnectionId());
  }

  @Override
  public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
    if (!answered.contains(event.getConnectionId()) && monitoring.contains(event.getConnectionId())) {
      opened.takeBack();
    }
  }
}
