package lab.portexhaustion.mongod;

import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * What an awaitable {@code hello} asks (the server discovery and monitoring spec's streaming protocol): the topology
 * version the client knows and how long the server may wait for a newer one. A client sends both or neither; a request
 * with one of them, or with either malformed, is refused with mongod's error code, so that a client gets from this
 * server the error it would get from mongod.
 *
 * @param processId the {@code topologyVersion.processId} the client knows
 * @param counter its {@code topologyVersion.counter}
 * @param maxAwaitMillis {@code maxAwaitTimeMS}
 */
public record AwaitableHello(ObjectId processId, long counter, long maxAwaitMillis) {

  /** The awaitable part of a {@code hello} request, or null when it has none. */
  public static AwaitableHello of(BsonDocument request) {
    BsonValue topologyVersion = request.get("topologyVersion");
    BsonValue maxAwaitTimeMS = request.get("maxAwaitTimeMS");
    if (topologyVersion == null && maxAwaitTimeMS == null) {
      return null;
    }
    if (topologyVersion == null || maxAwaitTimeMS == null) {
      throw new Refused(31368, "Location31368", topologyVersion == null
          ? "maxAwaitTimeMS given without a topologyVersion: an awaitable hello needs both"
          : "topologyVersion given without maxAwaitTimeMS: an awaitable hello needs both");
    }
    if (!topologyVersion.isDocument()) {
      throw new Refused(10065, "Location10065", "topologyVersion must be a document, not " + topologyVersion.getBsonType());
    }
    BsonDocument version = topologyVersion.asDocument();
    BsonValue processId = version.get("processId");
    BsonValue counter = version.get("counter");
    if (processId == null || counter == null) {
      throw new Refused(40414, "Location40414", "topologyVersion needs both processId and counter: " + version.toJson());
    }
    if (!processId.isObjectId() || !counter.isInt64() || !maxAwaitTimeMS.isNumber()) {
      throw new Refused(14, "TypeMismatch", "topologyVersion.processId must be an ObjectId, topologyVersion.counter a long and"
          + " maxAwaitTimeMS a number");
    }
    if (counter.asInt64().getValue() < 0) {
      throw new Refused(31372, "Location31372", "topologyVersion.counter must not be negative");
    }
    long maxAwaitMillis = maxAwaitTimeMS.asNumber().longValue();
    if (maxAwaitMillis < 0) {
      throw new Refused(31373, "Location31373", "maxAwaitTimeMS must not be negative");
    }
    return new AwaitableHello(processId.asObjectId().getValue(), counter.asInt64().getValue(), maxAwaitMillis);
  }

  /**
   * Whether the answer waits: only when the client knows the server's current topology version. Another process id (a
   * server restarted) or an older counter is answered at once; a newer counter of this process cannot be, and is refused.
   */
  public boolean waitsOn(ObjectId currentProcessId, long currentCounter) {
    if (!processId.equals(currentProcessId)) {
      return false;
    }
    if (counter > currentCounter) {
      throw new Refused(31382, "Location31382", "topologyVersion.counter " + counter + " is ahead of this server's " + currentCounter);
    }
    return counter == currentCounter;
  }

  /** A malformed awaitable request, answered with mongod's error. */
  public static final class Refused extends RuntimeException {

    private final int code;
    private final String codeName;

    Refused(int code, String codeName, String message) {
      super(message, null, false, false);
      this.code = code;
      this.codeName = codeName;
    }

    int code() {
      return code;
    }

    String codeName() {
      return codeName;
    }

    /** The error reply, as mongod's: {@code ok: 0} with the message, code and code name. */
    public BsonDocument reply() {
      return new BsonDocument("ok", new BsonDouble(0)).append("errmsg", new BsonString(getMessage()))
          .append("code", new BsonInt32(code)).append("codeName", new BsonString(codeName));
    }
  }
}
