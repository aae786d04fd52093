package lab.portexhaustion.dsl;

import com.mongodb.client.MongoClient;
import io.gatling.core.action.Action;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.MongoNames;
import lab.portexhaustion.gatling.RequestDefinition;
import lab.portexhaustion.strategy.RequestWork;
import lab.portexhaustion.strategy.StrategyFactory;
import lab.portexhaustion.strategy.WireExchange;

/**
 * One MongoDB request of a scenario, made with {@link MongoDsl#mongo(String)}: a database and collection (the
 * {@code database} and {@code collection} settings unless given), one operation, and checks. Immutable: every
 * method returns a new builder. Use it where Gatling takes an action: {@code exec(mongo("find user").find(...))}.
 *
 * <p>Documents, filters and pipelines are JSON text (relaxed: unquoted keys and single quotes are fine) in which
 * Gatling EL such as {@code #{user}} is filled in from the virtual user's session, or functions of the session
 * that return such text. A request that cannot be filled in for a user is a KO that sent nothing.
 */
public final class MongoRequestBuilder implements ActionBuilder {

  private final String name;
  private final String database;
  private final String collection;
  private final Operation operation;
  private final boolean fromSettings;
  private final List<MongoCheck> checks;
  private final String misuse; // a builder call out of place, reported with the other problems before the load

  MongoRequestBuilder(String name) {
    this(name, null, null, null, false, List.of(), null);
  }

  private MongoRequestBuilder(String name, String database, String collection, Operation operation, boolean fromSettings,
      List<MongoCheck> checks, String misuse) {
    this.name = name;
    this.database = database;
    this.collection = collection;
    this.operation = operation;
    this.fromSettings = fromSettings;
    this.checks = List.copyOf(checks);
    this.misuse = misuse;
  }

  /** The database the request works in (the {@code database} setting if not given). */
  public MongoRequestBuilder database(String database) {
    return new MongoRequestBuilder(name, database, collection, operation, fromSettings, checks, misuse);
  }

  /** The collection the request works on (the {@code collection} setting if not given). */
  public MongoRequestBuilder collection(String collection) {
    return new MongoRequestBuilder(name, database, collection, operation, fromSettings, checks, misuse);
  }

  /** Finds the documents matching {@code filterJson}; {@link MongoDsl#count()} counts them, field checks see the first. */
  public MongoRequestBuilder find(String filterJson) {
    return operation(Operation.find(el("filter", filterJson)));
  }

  /** As {@link #find(String)} with the filter made from the session. */
  public MongoRequestBuilder find(Function<Session, String> filterJson) {
    return operation(Operation.find(fromSession("filter", filterJson)));
  }

  /** Inserts one document. */
  public MongoRequestBuilder insertOne(String documentJson) {
    return operation(Operation.insertOne(el("document", documentJson)));
  }

  /** As {@link #insertOne(String)} with the document made from the session. */
  public MongoRequestBuilder insertOne(Function<Session, String> documentJson) {
    return operation(Operation.insertOne(fromSession("document", documentJson)));
  }

  /** Inserts the documents of a JSON array, in one round trip. */
  public MongoRequestBuilder insertMany(String documentsJsonArray) {
    return operation(Operation.insertMany(el("documents", documentsJsonArray)));
  }

  /** As {@link #insertMany(String)} with the array made from the session. */
  public MongoRequestBuilder insertMany(Function<Session, String> documentsJsonArray) {
    return operation(Operation.insertMany(fromSession("documents", documentsJsonArray)));
  }

  /** Updates the first document matching {@code filterJson} with {@code updateJson} (operators such as {@code $set}); counts the matched. */
  public MongoRequestBuilder updateOne(String filterJson, String updateJson) {
    return operation(Operation.updateOne(el("filter", filterJson),
        el("update", updateJson)));
  }

  /** As {@link #updateOne(String, String)} with filter and update made from the session. */
  public MongoRequestBuilder updateOne(Function<Session, String> filterJson, Function<Session, String> updateJson) {
    return operation(Operation.updateOne(fromSession("filter", filterJson),
        fromSession("update", updateJson)));
  }

  /**
   * Makes the {@link #updateOne} before it insert a document when nothing matches (the filter's equalities and the
   * update's fields); it then counts 1 for the inserted document.
   */
  public MongoRequestBuilder upsert() {
    if (operation == null || operation.upserting().isEmpty()) {
      return new MongoRequestBuilder(name, database, collection, operation, fromSettings, checks,
          "upsert() follows updateOne(...), not " + (operation == null ? "nothing" : operation.name()));
    }
    return new MongoRequestBuilder(name, database, collection, operation.upserting().get(), false, checks, misuse);
  }

  /** Deletes the first document matching {@code filterJson}; counts the deleted. */
  public MongoRequestBuilder deleteOne(String filterJson) {
    return operation(Operation.deleteOne(el("filter", filterJson)));
  }

  /** As {@link #deleteOne(String)} with the filter made from the session. */
  public MongoRequestBuilder deleteOne(Function<Session, String> filterJson) {
    return operation(Operation.deleteOne(fromSession("filter", filterJson)));
  }

  /** Runs the aggregation pipeline of a JSON array of stages; counts the documents out, field checks see the first. */
  public MongoRequestBuilder aggregate(String pipelineJsonArray) {
    return operation(Operation.aggregate(el("pipeline", pipelineJsonArray)));
  }

  /** As {@link #aggregate(String)} with the pipeline made from the session. */
  public MongoRequestBuilder aggregate(Function<Session, String> pipelineJsonArray) {
    return operation(Operation.aggregate(fromSession("pipeline", pipelineJsonArray)));
  }

  /**
   * Runs a command on the database ({@code {ping: 1}}); field checks see the reply. The one operation, with
   * {@link #handshake()}, that the socket patterns carry: they send it over OP_MSG on their bare connection.
   */
  public MongoRequestBuilder runCommand(String commandJson) {
    return operation(Operation.runCommand(el("command", commandJson)));
  }

  /** As {@link #runCommand(String)} with the command made from the session. */
  public MongoRequestBuilder runCommand(Function<Session, String> commandJson) {
    return operation(Operation.runCommand(fromSession("command", commandJson)));
  }

  /** The server's handshake command ({@code hello} or {@code isMaster}) over a bare connection; {@code ping} through a driver. */
  public MongoRequestBuilder handshake() {
    return operation(Operation.handshake());
  }

  /**
   * The request the {@code operation} setting names (insert-then-find by default: an insert and a find by its id
   * through a driver; over a bare connection, the handshake). The built-in simulations send this one.
   */
  public MongoRequestBuilder operationFromSettings() {
    return new MongoRequestBuilder(name, database, collection, null, true, checks, secondOperation("operationFromSettings"));
  }

  /** Checks on what the operation returned; a check that does not hold makes the request a KO. */
  public MongoRequestBuilder check(MongoCheck... moreChecks) {
    List<MongoCheck> all = new ArrayList<>(checks);
    boolean givenNull = moreChecks == null || Arrays.asList(moreChecks).contains(null);
    if (moreChecks != null) {
      Arrays.stream(moreChecks).filter(Objects::nonNull).forEach(all::add);
    }
    String found = givenNull && misuse == null
        ? "check(...) was given null, where it takes count() and field(...) checks (a field read before it is set gives null)"
        : misuse;
    return new MongoRequestBuilder(name, database, collection, operation, fromSettings, all, found);
  }

  private MongoRequestBuilder operation(Operation next) {
    return new MongoRequestBuilder(name, database, collection, next, false, checks, secondOperation(next.name()));
  }

  /** The misuse of giving {@code next} to a request that has an operation already: the first would never be sent. */
  private String secondOperation(String next) {
    if (misuse != null || (operation == null && !fromSettings)) {
      return misuse;
    }
    String first = fromSettings ? "operationFromSettings" : operation.name();
    return "two operations, " + first + " and then " + next + ", where a request sends one (the last); give each its own"
        + " mongo(\"...\") in exec(...)";
  }

  /** Gatling builds the request's action here, while it builds the scenario, before any load. */
  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext context, Action next) {
        return action(context, next);
      }
    };
  }

  /**
   * This request's action in the run of {@code context}. A request that cannot work as written gets none: its problems
   * join those of the scenario's other requests, refused together once Gatling has built them all ({@link RequestProblems}).
   */
  private Action action(ScenarioContext context, Action next) {
    MongoComponents components = context.protocolComponentsRegistry().components(MongoProtocol.KEY);
    MongoProtocol protocol = components.protocol();
    HarnessSettings settings = protocol.plan().settings();
    List<String> problems = problems(settings, protocol.usesDriver(), protocol.connectionsName());
    if (!problems.isEmpty()) {
      components.problems().add(problems);
      return next;
    }
    return components.run().action(name, definition(settings), context, next);
  }

  /** What is wrong with this request whatever the session holds: found before the target starts. */
  List<String> problems(HarnessSettings settings, boolean usesDriver, String connections) {
    String request = "The request '" + name + "'";
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add("A request has an empty name: give mongo(\"...\") a name, as Gatling's reports list requests by it.");
    }
    if (collection != null && collection.isBlank()) {
      problems.add(request + " has an empty collection name: give .collection(\"...\") a name, or leave it out for the"
          + " collection setting (" + settings.collection() + ").");
    }
    if (database != null && database.isBlank()) {
      problems.add(request + " has an empty database name: give .database(\"...\") a name, or leave it out for the"
          + " database setting (" + settings.database() + ").");
    }
    if (collection != null && !collection.isBlank()) {
      MongoNames.collectionProblem(collection).ifPresent(why -> problems.add(request + " has the collection name '" + collection
          + "', which MongoDB refuses on every request: " + why + "."));
    }
    if (database != null && !database.isBlank()) {
      MongoNames.databaseProblem(database).ifPresent(why -> problems.add(request + " has the database name '" + database
          + "', which MongoDB refuses on every request: " + why + "."));
    }
    if (operation == null && !fromSettings) {
      problems.add(request + " has no operation: add one of find, insertOne, insertMany, updateOne, deleteOne, aggregate,"
          + " runCommand, handshake or operationFromSettings.");
    }
    if (operation != null) {
      operation.problems().forEach(p -> problems.add(request + ": " + p + "."));
      if (operation.needsDriver() && !usesDriver) {
        problems.add(request + " uses " + operation.name() + ", which needs a driver; the protocol's connections ("
            + connections + ") are bare sockets that carry only runCommand and handshake.");
      }
      for (MongoCheck check : checks) {
        if (check.needsDocument() && !operation.returnsDocument()) {
          problems.add(request + " checks that " + check.description() + ", but " + operation.name()
              + " returns no document: field checks work on find, aggregate and commands.");
        }
      }
    }
    if (misuse != null) {
      problems.add(request + ": " + misuse + ".");
    }
    if (fromSettings && !checks.isEmpty()) {
      problems.add(request + " has checks on operationFromSettings, which returns nothing to check: its own failures are KOs.");
    }
    checks.forEach(c -> c.problem().ifPresent(p -> problems.add(request + ": " + p + ".")));
    return problems;
  }

  /** The request as the harness's action sends it, with the database and collection settings as defaults. */
  RequestDefinition definition(HarnessSettings settings) {
    if (fromSettings) {
      RequestWork work = StrategyFactory.settingsOperation(settings);
      return session -> work;
    }
    String db = database != null ? database : settings.database();
    String coll = collection != null ? collection : settings.collection();
    return session -> {
      Operation.Filled filled = operation.fill(session);
      List<MongoCheck.Bound> bound = checks.stream().map(c -> c.bind(session)).toList();
      return new RequestWork() {
        @Override
        public void run(MongoClient client) {
          verify(filled.run(client.getDatabase(db), coll), bound);
        }

        @Override
        public CompletionStage<Void> run(WireExchange wire) {
          return filled.run(wire, db).thenAccept(result -> verify(result, bound));
        }
      };
    };
  }

  private void verify(OperationResult result, List<MongoCheck.Bound> bound) {
    for (MongoCheck.Bound check : bound) {
      check.failure(result).ifPresent(failure -> {
        throw new CheckFailedException(name, failure);
      });
    }
  }

  /** The request's {@code part} ("filter", "document", ...) as JSON with Gatling EL, named in messages after the request. */
  private JsonTemplate el(String part, String json) {
    return JsonTemplate.el(partName(part), json);
  }

  /** The request's {@code part} as JSON made from the session, named in messages after the request. */
  private JsonTemplate fromSession(String part, Function<Session, String> json) {
    return JsonTemplate.function(partName(part), json);
  }

  private String partName(String part) {
    return "the " + part + " of '" + name + "'";
  }
}
