package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;

/**
 * A standalone mongod's answer to {@code hello} and to its legacy names {@code isMaster} and {@code ismaster}, for the
 * release the server claims ({@link MongodVersion}): what a driver reads from it to choose its wire version, to use
 * sessions, and to split its batches. Without the {@code topologyVersion}, which only the streaming responder adds: a
 * server without it is polled.
 */
public final class HelloReply {

  private HelloReply() {}

  static boolean isHello(String command) {
    return command.equalsIgnoreCase("hello") || command.equalsIgnoreCase("isMaster");
  }

  /**
   * @param command the command's name as the client sent it: {@code hello} answers {@code isWritablePrimary}, the legacy
   *     names {@code ismaster}
   * @param helloOk the client sent {@code helloOk}: it is told this server knows {@code hello}
   */
  public static Document of(String command, boolean helloOk, long connectionId) {
    boolean legacy = !command.equalsIgnoreCase("hello");
    Document reply = new Document(legacy ? "ismaster" : "isWritablePrimary", Boolean.TRUE);
    if (helloOk) {
      reply.put("helloOk", Boolean.TRUE);
    }
    reply.put("maxBsonObjectSize", MongodVersion.MAX_BSON_OBJECT_SIZE);
    reply.put("maxMessageSizeBytes", MongodVersion.MAX_MESSAGE_SIZE_BYTES);
    reply.put("maxWriteBatchSize", MongodVersion.MAX_WRITE_BATCH_SIZE);
    reply.put("localTime", Instant.now());
    reply.put("logicalSessionTimeoutMinutes", MongodVersion.LOGICAL_SESSION_TIMEOUT_MINUTES);
    reply.put("connectionId", connectionId <= Integer.MAX_VALUE ? (Object) (int) connectionId : (Object) connectionId);
    reply.put("minWireVersion", MongodVersion.MIN_WIRE_VERSION);
    reply.put("maxWireVersion", MongodVersion.MAX_WIRE_VERSION);
    reply.put("readOnly", Boolean.FALSE);
    reply.put("ok", 1.0);
    return reply;
  }
}
