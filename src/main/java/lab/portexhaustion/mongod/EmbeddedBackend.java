package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.exception.MongoServerNotYetImplementedException;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * mongo-java-server's in-memory backend, answering as the mongod release it claims ({@link MongodVersion}) where
 * drivers and the harness look: the handshake ({@link HelloReply}), {@code buildInfo}, the session commands,
 * {@code serverStatus} with mongod's {@code connections} ({@link ListenerCounts}), {@code listDatabases} with
 * sizes, a query's documents in mongod's batches ({@link CursorBatches}), {@code listCollections} as asked
 * ({@link CollectionListing}, in the batches its cursor asks for) and a read's {@code maxTimeMS}
 * ({@link ReadTimeLimit}); its collections upsert with time-based ids ({@link TimeBasedUpsertCollection}). Before
 * mongo-java-server sees a command it refuses commands mongod 7.0 no longer has or runs on the admin database alone
 * ({@link RemovedCommands}, {@link AdminOnly}), what a standalone mongod refuses ({@link ReplicaSetOnly}), the
 * arguments mongod's parsers refuse ({@link CommandArguments}, which reads typed fields, a write's statements, index
 * specifications, pipeline stages and a time limit with the classes it names; {@link FindAndModifyArguments},
 * {@link CollectionRename}) and what mongo-java-server cannot run ({@link PipelineUpdates}, {@link NotImitated}); it
 * reads a null argument, a delete's limit and a stage's other name as mongod does ({@link NullArguments},
 * {@link WriteStatements}, {@link PipelineAliases}). It drops a missing collection without an error, drops and lists
 * indexes ({@link IndexDrops}, {@link IndexListing}) and renames a collection as mongod does, and counts an insert's
 * documents as it does; what mongo-java-server answers as unknown or not yet implemented, or recurses on without end,
 * is refused with 238 naming it ({@link NotImitated}). Every other command is mongo-java-server's. mongo-java-server's
 * own {@code serverStatus} has a fixed {@code connections.current}, and it looks up the host's name, which in a network
 * namespace without a resolver blocks the event loop (and every connection on it) for the resolver's 5 s timeout: the
 * answer here is made without it.
 */
public final class EmbeddedBackend extends MemoryBackend {

  private final ListenerCounts connections;
  private final CursorBatches batches;
  private final ReadTimeLimit readTimeLimit;

  public EmbeddedBackend(ListenerCounts connections) {
    this.connections = connections;
    this.batches = new CursorBatches(getCursorRegistry());
    this.readTimeLimit = new ReadTimeLimit(getCursorRegistry());
    version(MongodVersion.CLAIMED);
  }

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new TimeBasedUpsertDatabase(databaseName, getCursorRegistry());
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    RemovedCommands.refuse(command);
    AdminOnly.refuse(databaseName, command);
    ReplicaSetOnly.refuse(command, query);
    CommandArguments.refuse(command, query);
    CollectionRename.refuse(command, query);
    if (command.equalsIgnoreCase("findAndModify")) {
      FindAndModifyArguments.refuse(query);
    }
    PipelineUpdates.refuse(command, query);
    NotImitated.refuse(command, query);
    Document given = WriteOrder.withDefault(command,
        PipelineAliases.asRead(command, WriteStatements.asRead(command, NullArguments.withoutNulls(command, query))));
    try {
      Document reply = readTimeLimit.within(command, given, () -> answer(channel, databaseName, command, given));
      return NotImitated.withWriteErrorsNotImitated(reply);
    } catch (MongoServerError error) {
      throw NotImitated.orNotImitated(error);
    } catch (MongoServerNotYetImplementedException refusal) {
      throw NotImitated.notYetImplemented(refusal);
    } catch (StackOverflowError recursion) {
      // Caught at the command's edge, its stack unwound: the client gets an answer and keeps its connection, which
      // mongo-java-server's handler closed on an Error.
      throw NotImitated.recursedWithoutEnd(command);
    }
  }

  private Document answer(Channel channel, String databaseName, String command, Document query) {
    if (HelloReply.isHello(command)) {
      return pollingHello(channel, command, query);
    } else if (command.equalsIgnoreCase("buildInfo")) {
      return buildInfo();
    } else if (command.equalsIgnoreCase("endSessions") || command.equalsIgnoreCase("refreshSessions")) {
      // Sessions hold nothing here (no transactions, no retryable-write records): nothing to end or keep alive.
      return ok(new Document());
    } else if (command.equalsIgnoreCase("startSession")) {
      return ok(new Document("id", new Document("id", UUID.randomUUID()))
          .append("timeoutMinutes", MongodVersion.LOGICAL_SESSION_TIMEOUT_MINUTES));
    } else if (command.equalsIgnoreCase("listDatabases") && databaseName.equals("admin")) {
      return listDatabases(channel, query);
    } else if (command.equalsIgnoreCase("drop")) {
      return drop(channel, databaseName, query);
    } else if (command.equalsIgnoreCase("dropIndexes")) {
      return IndexDrops.drop(databaseName, query, (name, one) -> super.handleCommand(channel, databaseName, name, one));
    } else if (command.equalsIgnoreCase("listIndexes")) {
      return IndexListing.of(super.handleCommand(channel, databaseName, command, query), databaseName + "." + query.get(command));
    } else if (command.equalsIgnoreCase("renameCollection")) {
      return CollectionRename.run(query, () -> super.handleCommand(channel, databaseName, command, query));
    } else if (command.equalsIgnoreCase("insert")) {
      return withInsertedCount(super.handleCommand(channel, databaseName, command, query), query);
    } else if (StatementByStatement.applies(command, query)) {
      return StatementByStatement.run(command, query, one -> super.handleCommand(channel, databaseName, command, one));
    } else if (command.equalsIgnoreCase("find")) {
      return batches.firstBatch(super.handleCommand(channel, databaseName, command, query),
          CursorBatches.requested(query.get("batchSize")), isTrue(query.get("singleBatch")));
    } else if (command.equalsIgnoreCase("aggregate") && query.get("cursor") instanceof Document cursor) {
      return batches.firstBatch(super.handleCommand(channel, databaseName, command, query),
          CursorBatches.requested(cursor.get("batchSize")), false);
    } else if (command.equalsIgnoreCase("getMore")) {
      return getMore(channel, databaseName, command, query);
    } else if (command.equalsIgnoreCase("count") && query.get("limit") instanceof Number limit && limit.longValue() < 0) {
      // mongod counts up to a negative limit's absolute value; mongo-java-server counted every document.
      return super.handleCommand(channel, databaseName, command, new Document(query).append("limit", -limit.longValue()));
    } else if (command.equalsIgnoreCase("listCollections")) {
      // mongod sends every collection in the first batch unless asked for fewer; a getMore goes on from there.
      Object batchSize = query.get("cursor") instanceof Document cursor ? cursor.get("batchSize") : null;
      return batches.firstBatch(CollectionListing.of(super.handleCommand(channel, databaseName, command, query), query),
          batchSize == null ? OptionalInt.of(Integer.MAX_VALUE) : CursorBatches.requested(batchSize), false);
    }
    return super.handleCommand(channel, databaseName, command, query);
  }

  /**
   * mongo-java-server hands over all that the cursor holds, and the batch is cut here as mongod cuts it. A cursor that is
   * not there is refused with mongod's words (same code, 43; mongo-java-server's said "Cursor id ... does not exist").
   */
  private Document getMore(Channel channel, String databaseName, String command, Document query) {
    Document everything = new Document(query).append("batchSize", Integer.MAX_VALUE);
    long cursorId = ((Number) query.get(command)).longValue();
    try {
      batches.checkNamespace(cursorId, databaseName + "." + query.get("collection"));
      return batches.nextBatch(super.handleCommand(channel, databaseName, command, everything), cursorId,
          CursorBatches.requested(query.get("batchSize")));
    } catch (MongoServerError error) {
      if (error.getCode() != MongodError.CURSOR_NOT_FOUND.code) {
        throw error;
      }
      throw MongodError.CURSOR_NOT_FOUND.error("cursor id " + cursorId + " not found");
    }
  }

  /**
   * mongod 7.0 drops a collection that is not there without an error, and drivers clearing a collection before a run
   * count on it; mongo-java-server answers "ns not found" with no error code, which only some drivers take for that.
   */
  private Document drop(Channel channel, String databaseName, Document query) {
    try {
      return super.handleCommand(channel, databaseName, "drop", query);
    } catch (MongoServerException e) {
      if (e.getMessageWithoutErrorCode().equals("ns not found")) {
        return ok(new Document());
      }
      throw e;
    }
  }

  /**
   * An insert's {@code n} as mongod gives it, the documents inserted: mongo-java-server gives the documents sent, also
   * when some failed (a duplicate key), so a driver's inserted count was too high. An ordered insert stops at its first
   * error; an unordered one inserts every document but those that failed ({@code ordered} given, {@link WriteOrder}).
   */
  private static Document withInsertedCount(Document reply, Document query) {
    if (reply.get("writeErrors") instanceof List<?> errors && !errors.isEmpty()
        && query.get("documents") instanceof List<?> documents) {
      boolean ordered = isTrue(query.get("ordered"));
      int firstFailed = ((Number) ((Document) errors.get(0)).get("index")).intValue();
      reply.put("n", ordered ? firstFailed : documents.size() - errors.size());
    }
    return reply;
  }

  /**
   * A handshake that reaches the backend: with {@code embedded.monitoring=polling}, where no streaming responder answers
   * it first. Its awaitable part is checked as mongod checks it, so a malformed one is refused in both modes; a well-formed
   * one is answered at once, since a polling server publishes no topology version a client could wait on.
   */
  private Document pollingHello(Channel channel, String command, Document query) {
    try {
      AwaitableHello.of(DriverBson.of(query));
    } catch (AwaitableHello.Refused refused) {
      throw new MongoServerError(refused.code(), refused.codeName(), refused.getMessage());
    }
    return HelloReply.of(command, query.containsKey("helloOk"), connections.connectionId(channel));
  }

  private static Document buildInfo() {
    return ok(new Document("version", MongodVersion.VERSION)
        .append("versionArray", MongodVersion.CLAIMED.getVersionArray())
        .append("bits", 64)
        .append("debug", Boolean.FALSE)
        .append("maxBsonObjectSize", MongodVersion.MAX_BSON_OBJECT_SIZE));
  }

  @Override
  public Document getServerStatus() {
    Document status = new Document("version", MongodVersion.VERSION);
    status.put("process", "mongo-java-server");
    status.put("pid", ProcessHandle.current().pid());
    status.put("localTime", Instant.now());
    status.put("connections", connections.document());
    return ok(status);
  }

  /**
   * mongod's {@code listDatabases}: each database that holds a collection (mongo-java-server makes a database as any
   * command names it, so a read of a missing one listed it), those its {@code filter} matches, with its size and their
   * total, or with {@code nameOnly} its name alone. Nothing is on disk here: a database's size is what its documents and
   * indexes take ({@code dbStats} dataSize + indexSize), the nearest figure this server has.
   */
  private Document listDatabases(Channel channel, Document query) {
    boolean nameOnly = isTrue(query.get("nameOnly"));
    Document filter = query.get("filter") instanceof Document given ? given : new Document();
    DefaultQueryMatcher matcher = new DefaultQueryMatcher();
    List<Document> databases = new ArrayList<>();
    long total = 0;
    for (String name : listDatabaseNames().stream().sorted().toList()) {
      MongoDatabase database = resolveDatabase(name);
      if (!holdsACollection(channel, database)) {
        continue;
      }
      Document entry = new Document("name", name);
      long size = 0;
      if (!nameOnly) {
        Document stats = database.handleCommand(channel, "dbStats", new Document("dbStats", 1), this::resolveDatabase, oplog);
        size = ((Number) stats.get("dataSize")).longValue() + ((Number) stats.get("indexSize")).longValue();
        entry.append("sizeOnDisk", size).append("empty", false);
      }
      if (matcher.matches(entry, filter)) {
        databases.add(entry);
        total += size;
      }
    }
    Document reply = new Document("databases", databases);
    return ok(nameOnly ? reply : reply.append("totalSize", total).append("totalSizeMb", total >> 20));
  }

  private boolean holdsACollection(Channel channel, MongoDatabase database) {
    Document listed = database.handleCommand(channel, "listCollections", new Document("listCollections", 1), this::resolveDatabase, oplog);
    return !((List<?>) ((Document) listed.get("cursor")).get("firstBatch")).isEmpty();
  }

  /** A flag as drivers send it: a boolean, or a number (1 for true). */
  static boolean isTrue(Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.doubleValue() != 0;
  }

  private static Document ok(Document reply) {
    reply.put("ok", 1.0);
    return reply;
  }
}
