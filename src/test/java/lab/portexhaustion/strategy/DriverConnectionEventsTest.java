package lab.portexhaustion.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ConnectionId;
import com.mongodb.connection.ServerId;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerHeartbeatStartedEvent;
import com.mongodb.event.ServerHeartbeatSucceededEvent;
import java.io.IOException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * A monitoring connection as the Java driver reports it: its opening handshake as started, under an id the server has
 * not numbered yet; every later heartbeat under the same connection's id with the server's number added.
 */
class DriverConnectionEventsTest {

  private final OpenedConnections opened = new OpenedConnections();
  private final DriverConnectionEvents events = opened.forClient();
  private final ConnectionId opening = new ConnectionId(new ServerId(new ClusterId(), new ServerAddress("127.0.0.1", 27017)));
  private final ConnectionId numbered = opening.withServerValue(4);

  @Test
  void aMonitoringConnectionIsOneConnectionOnceTheServerHasNumberedIt() {
    events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(opening, false));
    events.serverHeartbeatSucceeded(new ServerHeartbeatSucceededEvent(numbered, new BsonDocument(), 10_000, true));
    events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(numbered, true));

    assertThat(opened.total()).as("the opening handshake, then the first awaited heartbeat on the same socket").isEqualTo(1);
  }

  @Test
  void aMonitoringConnectionWhoseOpeningFailedIsTakenBack() {
    events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(opening, false));
    events.serverHeartbeatFailed(new ServerHeartbeatFailedEvent(opening, 1, false, new IOException("Cannot assign requested address")));

    assertThat(opened.total()).isZero();
  }

  @Test
  void aMonitoringConnectionThatFailsAfterItsHandshakeStaysCounted() {
    events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(opening, false));
    events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(numbered, true));
    events.serverHeartbeatFailed(new ServerHeartbeatFailedEvent(numbered, 1, true, new IOException("Connection reset")));

    assertThat(opened.total()).as("it connected, and held its port").isEqualTo(1);
  }

  /**
   * A server that numbers no connection (its hello without connectionId, as a MongoDB look-alike may answer): the
   * heartbeats it answered show the connection was made, and a later failure on it is not its opening's.
   */
  @Test
  void aMonitoringConnectionThatAnsweredStaysCountedWhenTheServerNumbersNone() {
    events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(opening, false));
    events.serverHeartbeatSucceeded(new ServerHeartbeatSucceededEvent(opening, new BsonDocument(), 5_000, false));
    events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(opening, false));
    events.serverHeartbeatFailed(new ServerHeartbeatFailedEvent(opening, 1, false, new IOException("Prematurely reached end of stream")));

    assertThat(opened.total()).as("it answered a heartbeat, and held its port").isEqualTo(1);
  }

  /**
   * A client that lives through the run (the pooled pattern's) sees its monitoring connection lost and opened again, each
   * time under a new id: 500 of them, half from a server that numbers its connections, half from one that numbers none.
   * Each stays one connection opened, and none of their ids is kept once it failed; the ids were all kept (500).
   */
  @Test
  void theIdsOfMonitoringConnectionsThatFailedAreForgottenAndTheyStayCounted() {
    ServerId server = new ServerId(new ClusterId(), new ServerAddress("127.0.0.1", 27017));
    int lost = 500;
    for (int i = 0; i < lost; i++) {
      ConnectionId connection = new ConnectionId(server);
      ConnectionId answering = i % 2 == 0 ? connection.withServerValue(i + 1) : connection;
      events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(connection, false));
      events.serverHeartbeatSucceeded(new ServerHeartbeatSucceededEvent(answering, new BsonDocument(), 1_000, false));
      events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(answering, false));
      events.serverHeartbeatFailed(new ServerHeartbeatFailedEvent(answering, 1, false, new IOException("Connection reset")));
    }
    ConnectionId current = new ConnectionId(server);
    events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(current, false));

    assertThat(opened.total()).as("each lost connection, and the one open now").isEqualTo(lost + 1);
    assertThat(events.connectionsKept()).as("the one open now").isEqualTo(1);
  }

  /** A monitor that cannot connect (at exhaustion it keeps trying) keeps no id of its attempts, as before. */
  @Test
  void failedOpeningsLeaveNoIdAndNoConnection() {
    ServerId server = new ServerId(new ClusterId(), new ServerAddress("127.0.0.1", 27017));
    for (int i = 0; i < 100; i++) {
      ConnectionId attempt = new ConnectionId(server);
      events.serverHearbeatStarted(new ServerHeartbeatStartedEvent(attempt, false));
      events.serverHeartbeatFailed(new ServerHeartbeatFailedEvent(attempt, 1, false, new IOException("Cannot assign requested address")));
    }

    assertThat(opened.total()).isZero();
    assertThat(events.connectionsKept()).isZero();
  }
}
