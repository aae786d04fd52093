package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * What the server's listener counts of its connections, as the commands report it: {@code serverStatus.connections} and
 * the {@code connectionId} of {@code hello}. The listener counts them (the embedded server's {@code ConnectionStatistics});
 * the commands only read them, so this package never reaches up to the listener.
 */
public interface ListenerCounts {

  /** mongod's {@code serverStatus.connections} document, in its field order. */
  Document document();

  /** The number the server gave {@code channel}'s connection as it took it, 0 before it was counted. */
  long connectionId(Channel channel);
}
