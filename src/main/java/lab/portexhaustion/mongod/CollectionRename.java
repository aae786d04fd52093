package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.util.function.Supplier;

/**
 * {@code renameCollection} refused where mongod 7.0 refuses it, in its words and codes, around mongo-java-server's own
 * rename: a rename to the same name it answered ok (mongod: 20 IllegalOperation); a source that is not there it refused
 * with no code ("source namespace does not exist"; mongod: 26 NamespaceNotFound, which drivers and scripts test for).
 * Its fields' types are {@link TypedFields}' to check, first, and the database it runs on {@link AdminOnly}'s.
 */
final class CollectionRename {

  private static final String COMMAND = "renameCollection";

  private CollectionRename() {}

  /** @throws MongoServerError 20 for a rename to the same name */
  static void refuse(String command, Document query) {
    if (command.equalsIgnoreCase(COMMAND) && query.get(COMMAND).equals(query.get("to"))) {
      throw MongodError.ILLEGAL_OPERATION.error("Can't rename a collection to itself");
    }
  }

  /** @throws MongoServerError 26 when {@code query}'s source is not there */
  static Document run(Document query, Supplier<Document> backend) {
    try {
      return backend.get();
    } catch (MongoServerException e) {
      if (e.getMessageWithoutErrorCode().equals("source namespace does not exist")) {
        throw MongodError.NAMESPACE_NOT_FOUND.error("Source collection " + query.get(COMMAND) + " does not exist");
      }
      throw e;
    }
  }
}
