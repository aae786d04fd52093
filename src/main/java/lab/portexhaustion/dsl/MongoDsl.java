package lab.portexhaustion.dsl;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.config.Expectation;
import lab.portexhaustion.config.ProtocolSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.config.TargetKind;

/**
 * The MongoDB DSL of Port Exhaustion Lab, for {@code import static lab.portexhaustion.dsl.MongoDsl.*}: a protocol
 * ({@link #mongo()}) set once per simulation, which brings the harness's instruments (settings validation, target,
 * clean start, port sampler, onset, summary, comparison, verdict), and requests ({@link #mongo(String)}) used as any
 * Gatling action, with feeders, pauses and groups. docs/dsl.md has the contract and a complete simulation.
 */
public final class MongoDsl {

  private MongoDsl() {}

  /**
   * A new protocol: the automatic target, pooled connections, the model's expectation. Call it where the simulation
   * is built (a field or its initialiser, of the simulation or of a base class it shares with its twin): the run is
   * named after the simulation Gatling runs.
   */
  public static MongoProtocolBuilder mongo() {
    return new MongoProtocolBuilder(callingSimulation());
  }

  /** A new request named {@code requestName}, as Gatling's report lists it; give it an operation such as {@code find}. */
  public static MongoRequestBuilder mongo(String requestName) {
    return new MongoRequestBuilder(requestName);
  }

  /** The target the {@code target} setting's {@code auto} picks: a MongoDB container where Docker runs, else the embedded server. */
  public static Target autoTarget() {
    return new Target(ProtocolSettings.Server.of(TargetKind.AUTO));
  }

  /** The embedded server (mongo-java-server), in a process of its own, a child of the simulation's. */
  public static Target embedded() {
    return new Target(ProtocolSettings.Server.of(TargetKind.EMBEDDED));
  }

  /** A MongoDB container (Docker), of the {@code container.image} setting's image. */
  public static Target container() {
    return new Target(ProtocolSettings.Server.of(TargetKind.CONTAINER));
  }

  /**
   * A MongoDB container of {@code image} (e.g. {@code "mongo:7.0"}). {@code null} (an environment variable that is not
   * set) gives none: the {@code container.image} setting's is used, as for {@link #container()}.
   */
  public static Target container(String image) {
    ProtocolSettings.Server server = ProtocolSettings.Server.of(TargetKind.CONTAINER);
    return new Target(image == null ? server : server.withContainerImage(image));
  }

  /**
   * A server you run, at {@code connectionString}; its password never appears in logs or results. {@code null} (as
   * {@code System.getenv} gives for a variable that is not set) gives none: the {@code uri} setting's is used
   * ({@code HARNESS_URI}, {@code -Duri}), and without one the run is refused before any load, as for an empty one.
   */
  public static Target uri(String connectionString) {
    ProtocolSettings.Server server = ProtocolSettings.Server.of(TargetKind.URI);
    return new Target(connectionString == null ? server : server.withUri(connectionString));
  }

  /** One MongoClient for the run; requests borrow pooled connections (the {@code pool.*} settings). */
  public static Connections pooled() {
    return new Connections(StrategyKind.POOLED, ProtocolSettings.Pool.UNSET);
  }

  /** As {@link #pooled()} with at most {@code maxPoolSize} connections ({@code pool.maxPoolSize}). */
  public static Connections pooled(int maxPoolSize) {
    return new Connections(StrategyKind.POOLED, ProtocolSettings.Pool.UNSET.withMaxPoolSize(maxPoolSize));
  }

  /** A new MongoClient per request, closed after it: the anti-pattern that leaves ports in TIME_WAIT. */
  public static Connections clientPerRequest() {
    return new Connections(StrategyKind.CLIENT_PER_REQUEST, ProtocolSettings.Pool.UNSET);
  }

  /** A new MongoClient per request that nobody closes: its connections stay open until the run ends. */
  public static Connections leakedClient() {
    return new Connections(StrategyKind.LEAKED_CLIENT, ProtocolSettings.Pool.UNSET);
  }

  /** A TCP connection per request, no driver: the request's commands over OP_MSG, then close. */
  public static Connections rawSockets() {
    return new Connections(StrategyKind.RAW_SOCKET, ProtocolSettings.Pool.UNSET);
  }

  /** A TCP connection per request, no driver, left open and idle afterwards until the server closes it. */
  public static Connections keepAliveSockets() {
    return new Connections(StrategyKind.KEEP_ALIVE, ProtocolSettings.Pool.UNSET);
  }

  /** Expect what the model predicts for this run (docs/verdict.md): the default. */
  public static Expect modelPrediction() {
    return new Expect(Expectation.AUTO);
  }

  /** Expect no exhaustion, whatever the model predicts. */
  public static Expect clean() {
    return new Expect(Expectation.CLEAN);
  }

  /** Expect exhaustion, whatever the model predicts (not held to the predicted time). */
  public static Expect exhaustion() {
    return new Expect(Expectation.EXHAUSTION);
  }

  /** Expect nothing: the verdict only informs. */
  public static Expect anything() {
    return new Expect(Expectation.ANY);
  }

  /** A check on the number of documents found, inserted, matched by an update or deleted (1 for a command). */
  public static CountCheckBuilder count() {
    return new CountCheckBuilder();
  }

  /** A check on a field ({@code "a.b"} for nested ones) of the first document found, or of a command's reply. */
  public static FieldCheckBuilder field(String path) {
    return new FieldCheckBuilder(path);
  }

  /**
   * The simulation being built: the outermost simulation class on the stack, which is the one Gatling runs (and names
   * its run folder after) also when {@code mongo()} is called in a base class that a simulation and its twin share.
   */
  private static String callingSimulation() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
            .filter(Simulation.class::isAssignableFrom)
            .reduce((inner, outer) -> outer))
        .map(Class::getSimpleName)
        .orElse("simulation");
  }
}
