package lab.portexhaustion.dsl;

import java.util.Optional;
import org.bson.BsonDocument;

/**
 * What one operation returned, as the checks see it.
 *
 * @param count documents found, inserted, matched by the update or deleted; 1 for a command
 * @param document the first document found, or the command's reply; empty for writes
 */
record OperationResult(long count, Optional<BsonDocument> document) {}
