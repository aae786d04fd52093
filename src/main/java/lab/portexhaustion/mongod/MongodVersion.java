package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import java.util.List;

/**
 * The MongoDB release the embedded server answers as, in every reply that names one ({@code hello} and {@code isMaster},
 * {@code buildInfo}, {@code serverStatus}), and the limits mongod of that release announces. 7.0: the oldest release
 * still supported and one every current driver tests against; its wire version (21) is within every driver's range
 * (the Node.js driver 7 wants at least 9), and with a minimum of 0, as mongod reports, old drivers still overlap
 * (PyMongo 3.11 speaks up to 9). docs/server.md says what of it is imitated.
 */
public final class MongodVersion implements MongoVersion {

  public static final MongodVersion CLAIMED = new MongodVersion();

  /** {@code buildInfo.version} and {@code serverStatus.version}. */
  public static final String VERSION = "7.0.0";
  public static final int MAX_WIRE_VERSION = 21;
  public static final int MIN_WIRE_VERSION = 0;
  /** A standalone mongod's default: drivers take sessions as supported when {@code hello} gives it. */
  public static final int LOGICAL_SESSION_TIMEOUT_MINUTES = 30;
  /** 16 MiB, as mongod; mongo-java-server's own figure. */
  public static final int MAX_BSON_OBJECT_SIZE = BsonConstants.MAX_BSON_OBJECT_SIZE;
  /** 48,000,000 bytes, as mongod; mongo-java-server's decoder holds messages to it. */
  public static final int MAX_MESSAGE_SIZE_BYTES = MongoWireProtocolHandler.MAX_MESSAGE_SIZE_BYTES;
  /** mongod's; mongo-java-server announces 1,000 but takes a batch of any size that fits in a message. */
  public static final int MAX_WRITE_BATCH_SIZE = 100_000;

  private MongodVersion() {}

  /** mongod's four parts: major, minor, patch, and 0 for a release build. */
  @Override
  public List<Integer> getVersionArray() {
    return List.of(7, 0, 0, 0);
  }

  @Override
  public String toVersionString() {
    return VERSION;
  }

  @Override
  public int getWireVersion() {
    return MAX_WIRE_VERSION;
  }
}
