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
}
