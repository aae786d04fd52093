package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * {@code listCollections} as mongod answers it: only the collections its {@code filter} matches, and with
 * {@code nameOnly} each as its name and type alone, which is all the filter then sees. mongo-java-server lists every collection whatever was asked, so a
 * service's "create it unless it exists" found one that did not (mongosh's {@code db.coll.exists()} answered for another).
 */
final class CollectionListing {

  private CollectionListing() {}

  /** {@code reply}, mongo-java-server's listing of every collection, cut to what {@code query} asks for. */
  static Document of(Document reply, Document query) {
    Document cursor = (Document) reply.get("cursor");
    @SuppressWarnings("unchecked")
    List<Document> collections = (List<Document>) cursor.get("firstBatch");
    Document filter = query.get("filter") instanceof Document given ? given : new Document();
    boolean nameOnly = EmbeddedBackend.isTrue(query.get("nameOnly"));
    DefaultQueryMatcher matcher = new DefaultQueryMatcher();
    // With nameOnly the filter sees what the listing gives, the name and the type, as on mongod.
    cursor.put("firstBatch", collections.stream()
        .map(collection -> nameOnly ? new Document("name", collection.get("name")).append("type", collection.get("type")) : collection)
        .filter(collection -> matcher.matches(collection, filter))
        .toList());
    return reply;
  }
}
