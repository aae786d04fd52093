package lab.portexhaustion.strategy;

import com.mongodb.connection.ConnectionId;
import com.mongodb.event.ConnectionPoolListener;
import com.mongodb.event.ConnectionReadyEvent;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerHeartbeatStartedEvent;
import com.mongodb.event.ServerHeartbeatSucceededEvent;
import com.mongodb.event.ServerMonitorListener;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One MongoClient's connections as its driver reports them: a pool connection when it is ready (connected and
 * handshaken); a monitoring connection at the first heartbeat started on it, since the driver reports the opening
 * handshake as started only, and takes it back when that opening fails (it never connected: at exhaustion, the monitor
 * keeps trying). The driver tells of no other connection (the streaming monitor's round-trip-time one is silent): what
 * it leaves out shows as more ports per connection.
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
    if (monitoring.add(unnumbered(event.getConnectionId()))) {
      opened.record();
    }
  }

  @Override
  public void serverHeartbeatSucceeded(ServerHeartbeatSucceededEvent event) {
    answered.add(unnumbered(event.getConnectionId()));
  }

  /**
   * A failure before the server numbered the connection, or answered a heartbeat on it, is its opening's: no connection
   * was made. The number alone does not tell: a server whose hello carries no connectionId numbers none, and its
   * monitoring connections would all be taken back when they fail, however long they lived.
   *
   * <p>Either way the connection is forgotten: the driver's monitor closes its connection at a failed heartbeat and opens
   * the next under a new id, so this one is not heard of again. Kept, the ids of a client that lives through the run grew
   * by one for each monitoring connection the server lost.
   */
  @Override
  public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
    ConnectionId connection = unnumbered(event.getConnectionId());
    boolean wasAnswered = answered.remove(connection);
    if (monitoring.remove(connection) && event.getConnectionId().getServerValue() == null && !wasAnswered) {
      opened.takeBack();
    }
  }

  /**
   * The monitoring connections whose ids it keeps: those it has heard of and not yet heard fail. Only the tests read it,
   * and kept on purpose: an id kept too long changes no count ({@link OpenedConnections#total()} stays right, as the
   * driver numbers each connection from one process-wide counter and never meets an id again), it only grows the sets
   * by one per lost monitoring connection over a long run, and their size is the one place that shows.
   */
  int connectionsKept() {
    Set<ConnectionId> kept = new HashSet<>(monitoring);
    kept.addAll(answered);
    return kept.size();
  }

  /**
   * The connection's id as the client numbered it. The driver's id of a monitoring connection gains the server's number
   * once its opening handshake is answered, and ids compare that number too: the same socket was counted again at its
   * first heartbeat after the opening (10 s in, with the default heartbeat frequency).
   */
  private static ConnectionId unnumbered(ConnectionId id) {
    return new ConnectionId(id.getServerId(), id.getLocalValue(), null);
  }
}
