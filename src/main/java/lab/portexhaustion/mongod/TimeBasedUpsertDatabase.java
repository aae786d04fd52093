package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** mongo-java-server's in-memory database with collections that upsert with time-based ids ({@link TimeBasedUpsertCollection}). */
final class TimeBasedUpsertDatabase extends MemoryDatabase {

  TimeBasedUpsertDatabase(String name, CursorRegistry cursors) {
    super(name, cursors);
  }

  @Override
  protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
    return new TimeBasedUpsertCollection(this, name, options, cursorRegistry);
  }
}
