package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;

/**
 * {@code listIndexes} of a collection that is not there, refused as mongod 7.0 refuses it: 26 NamespaceNotFound, "ns
 * does not exist: test.missing". mongo-java-server listed no index and answered ok. The Java driver and PyMongo read
 * that code as an empty listing; the Node.js driver passes it on, so code that lists a missing collection's indexes
 * meets here the error it meets on mongod.
 */
final class IndexListing {

  private IndexListing() {}

  /**
   * @param reply mongo-java-server's answer to a {@code listIndexes} of {@code namespace}, every index in its first batch
   * @throws MongoServerError 26 when it lists none: a collection always has its {@code _id} index
   */
  static Document of(Document reply, String namespace) {
    if (((List<?>) ((Document) reply.get("cursor")).get("firstBatch")).isEmpty()) {
      throw MongodError.NAMESPACE_NOT_FOUND.error("ns does not exist: " + namespace);
    }
    return reply;
  }
}
