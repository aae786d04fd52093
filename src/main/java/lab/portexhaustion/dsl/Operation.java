package lab.portexhaustion.dsl;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Stream;
import lab.portexhaustion.strategy.WireExchange;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * One MongoDB operation of a request, with its JSON templates. Each operation is one driver call (or one command
 * over a bare connection), so that what a request does is what its name says.
 */
final class Operation {

  /** The operation made concrete for one virtual user. */
  interface Filled {
    OperationResult run(MongoDatabase database, String collection);

    /** Over a bare connection: the stage of the command's reply; nothing here blocks. */
    CompletionStage<OperationResult> run(WireExchange wire, String database);
  }

  @FunctionalInterface
  private interface Filler {
    Filled fill(io.gatling.core.session.Session session);
  }

  private final String name;
  private final boolean needsDriver;
  private final boolean returnsDocument;
  private final List<String> problems;
  private final Filler filler;
  private final Supplier<Operation> upserting;

  private Operation(String name, boolean needsDriver, boolean returnsDocument, List<String> problems, Filler filler) {
    this(name, needsDriver, returnsDocument, problems, filler, null);
  }

  private Operation(String name, boolean needsDriver, boolean returnsDocument, List<String> problems, Filler filler,
      Supplier<Operation> upserting) {
    this.name = name;
    this.needsDriver = needsDriver;
    this.returnsDocument = returnsDocument;
    this.problems = List.copyOf(problems);
    this.filler = filler;
    this.upserting = upserting;
  }

  static Operation find(JsonTemplate filter) {
    return driver("find", true, problems(filter.problem(false)), session -> {
      BsonDocument f = filter.document(session);
      return (db, collection) -> documents(db.getCollection(collection, BsonDocument.class).find(f).into(new ArrayList<>()));
    });
  }

  static Operation insertOne(JsonTemplate document) {
    return driver("insertOne", false, problems(document.problem(false)), session -> {
      BsonDocument d = document.document(session);
      return (db, collection) -> {
        db.getCollection(collection, BsonDocument.class).insertOne(d);
        return new OperationResult(1, Optional.empty());
      };
    });
  }

  static Operation insertMany(JsonTemplate documents) {
    Optional<String> problem = documents.problem(true, parsed -> ((BsonArray) parsed).isEmpty()
        ? Optional.of("is an empty array: the driver refuses to insert no documents, so every request would fail")
        : Optional.empty());
    return driver("insertMany", false, problems(problem), session -> {
      List<BsonDocument> ds = documents.array(session).stream().map(BsonValue::asDocument).toList();
      return (db, collection) -> {
        db.getCollection(collection, BsonDocument.class).insertMany(ds);
        return new OperationResult(ds.size(), Optional.empty());
      };
    });
  }

  static Operation updateOne(JsonTemplate filter, JsonTemplate update) {
    Operation plain = update(filter, update, false);
    return new Operation(plain.name, plain.needsDriver, plain.returnsDocument, plain.problems, plain.filler,
        () -> update(filter, update, true));
  }

  /** Counts the matched document, or the one inserted when nothing matched and {@code upsert} is on. */
  private static Operation update(JsonTemplate filter, JsonTemplate update, boolean upsert) {
    UpdateOptions options = new UpdateOptions().upsert(upsert);
    return driver("updateOne", false, problems(filter.problem(false), update.problem(false, Operation::updateShape)), session -> {
      BsonDocument f = filter.document(session);
      BsonDocument u = update.document(session);
      return (db, collection) -> {
        UpdateResult result = db.getCollection(collection, BsonDocument.class).updateOne(f, u, options);
        return new OperationResult(result.getMatchedCount() + (result.getUpsertedId() != null ? 1 : 0), Optional.empty());
      };
    });
  }

  /**
   * What the driver refuses of an update document, on every request: none at all, or a field that is no update
   * operator (a whole document is a replacement, which {@code updateOne} does not send). A field "0" passes: an EL
   * reference in a field's place reads as 0 here, and may well name an operator once filled in.
   */
  private static Optional<String> updateShape(Object parsed) {
    BsonDocument update = (BsonDocument) parsed;
    if (update.isEmpty()) {
      return Optional.of("is empty: give the update's operators ({$set: {...}}, {$inc: {...}})");
    }
    return update.keySet().stream().filter(field -> !field.startsWith("$") && !field.equals("0")).findFirst()
        .map(field -> "has the field '" + field + "', which is no update operator: the driver refuses it on every request;"
            + " give the change as operators ({$set: {" + field + ": ...}})");
  }

  /** This operation inserting when nothing matches; empty for operations other than updateOne. */
  Optional<Operation> upserting() {
    return Optional.ofNullable(upserting).map(Supplier::get);
  }

  static Operation deleteOne(JsonTemplate filter) {
    return driver("deleteOne", false, problems(filter.problem(false)), session -> {
      BsonDocument f = filter.document(session);
      return (db, collection) -> new OperationResult(
          db.getCollection(collection, BsonDocument.class).deleteOne(f).getDeletedCount(), Optional.empty());
    });
  }

  static Operation aggregate(JsonTemplate pipeline) {
    return driver("aggregate", true, problems(pipeline.problem(true)), session -> {
      List<BsonDocument> stages = pipeline.array(session).stream().map(BsonValue::asDocument).toList();
      return (db, collection) -> documents(db.getCollection(collection, BsonDocument.class).aggregate(stages).into(new ArrayList<>()));
    });
  }

  /** A command; the only operation the socket patterns carry besides the handshake. */
  static Operation runCommand(JsonTemplate command) {
    Optional<String> problem = command.problem(false, parsed -> ((BsonDocument) parsed).isEmpty()
        ? Optional.of("names no command: give the command as its first field ({ping: 1})") : Optional.empty());
    return new Operation("runCommand", false, true, problems(problem), session -> {
      BsonDocument c = command.document(session);
      return new Filled() {
        @Override
        public OperationResult run(MongoDatabase database, String collection) {
          return reply(database.runCommand(c, BsonDocument.class));
        }

        @Override
        public CompletionStage<OperationResult> run(WireExchange wire, String database) {
          return wire.command(database, c).thenApply(Operation::reply);
        }
      };
    });
  }

  /** The handshake command the server knows ({@code hello}, or {@code isMaster} on servers older than MongoDB 4.4.2). */
  static Operation handshake() {
    return new Operation("handshake", false, true, List.of(), session -> new Filled() {
      @Override
      public OperationResult run(MongoDatabase database, String collection) {
        return reply(database.runCommand(new BsonDocument("ping", new BsonInt32(1)), BsonDocument.class));
      }

      @Override
      public CompletionStage<OperationResult> run(WireExchange wire, String database) {
        return wire.command("admin", new BsonDocument(wire.handshakeCommand(), new BsonInt32(1))).thenApply(Operation::reply);
      }
    });
  }

  /** An operation that only a driver can send: the socket patterns refuse it before the load. */
  private static Operation driver(String name, boolean returnsDocument, List<String> problems, DriverFiller filler) {
    return new Operation(name, true, returnsDocument, problems, session -> {
      DriverCall call = filler.fill(session);
      return new Filled() {
        @Override
        public OperationResult run(MongoDatabase database, String collection) {
          return call.run(database, collection);
        }

        @Override
        public CompletionStage<OperationResult> run(WireExchange wire, String database) {
          return CompletableFuture.failedFuture(new IllegalStateException(name + " needs a driver; refused before the load"));
        }
      };
    });
  }

  @FunctionalInterface
  private interface DriverFiller {
    DriverCall fill(io.gatling.core.session.Session session);
  }

  @FunctionalInterface
  private interface DriverCall {
    OperationResult run(MongoDatabase database, String collection);
  }

  @SafeVarargs
  private static List<String> problems(Optional<String>... found) {
    return Stream.of(found).flatMap(Optional::stream).toList();
  }

  private static OperationResult documents(List<BsonDocument> found) {
    return new OperationResult(found.size(), found.stream().findFirst());
  }

  private static OperationResult reply(BsonDocument reply) {
    return new OperationResult(1, Optional.of(reply));
  }

  String name() {
    return name;
  }

  boolean needsDriver() {
    return needsDriver;
  }

  /** Whether it returns a document a field check can look at. */
  boolean returnsDocument() {
    return returnsDocument;
  }

  List<String> problems() {
    return problems;
  }

  Filled fill(io.gatling.core.session.Session session) {
    return filler.fill(session);
  }
}
