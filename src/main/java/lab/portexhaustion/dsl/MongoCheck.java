package lab.portexhaustion.dsl;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * A check on what a request's operation returned; one that does not hold makes the request a KO (and, as any
 * failure that is not exhaustion, fails the verdict when it comes before the onset). Made with
 * {@link MongoDsl#count()} and {@link MongoDsl#field(String)}. Immutable.
 */
public final class MongoCheck {

  /** A check made concrete for one virtual user: the failure's text, or empty if it holds. */
  @FunctionalInterface
  interface Bound {
    Optional<String> failure(OperationResult result);
  }

  private final String description;
  private final boolean needsDocument;
  private final Optional<String> problem;
  private final Function<io.gatling.core.session.Session, Bound> binder;

  private MongoCheck(String description, boolean needsDocument, Optional<String> problem,
      Function<io.gatling.core.session.Session, Bound> binder) {
    this.description = description;
    this.needsDocument = needsDocument;
    this.problem = problem;
    this.binder = binder;
  }

  /** A check of the count against {@code bound}: a negative one, which no count can reach, is a mistake of the request. */
  static MongoCheck count(String description, long bound, java.util.function.LongPredicate holds) {
    Optional<String> problem = bound >= 0 ? Optional.<String>empty()
        : Optional.of("the check " + description + ": a count is 0 or more, so it would "
            + (holds.test(0) ? "always" : "never") + " hold");
    return new MongoCheck(description, false, problem, session -> result -> holds.test(result.count())
        ? Optional.empty() : Optional.of(description + ", got " + result.count()));
  }

  static MongoCheck fieldIs(String path, String expectedEl) {
    String description = "field " + path + " is '" + expectedEl + "'";
    Optional<String> noField = pathProblem(path, description);
    if (noField.isPresent()) {
      return refusedFieldCheck(description, noField.get());
    }
    if (expectedEl == null) {
      return refusedFieldCheck(description, "the check field " + path + " is null: give the value expected"
          + " (is(\"...\") or is(1)), or exists() for any value");
    }
    ElText expected;
    try {
      expected = new ElText(expectedEl);
    } catch (Exception e) {
      return refusedFieldCheck(description, "the check " + description + ": its Gatling EL does not compile: "
          + e.getMessage());
    }
    return new MongoCheck(description, true, Optional.empty(), session -> {
      String want = expected.fill(session, "the check " + description);
      return result -> {
        Optional<String> got = result.document().flatMap(d -> FieldPath.text(d, path));
        return got.filter(want::equals).isPresent() ? Optional.empty()
            : Optional.of("field " + path + " is " + got.map(g -> "'" + g + "'").orElse("missing") + ", expected '" + want + "'");
      };
    });
  }

  static MongoCheck fieldExists(String path) {
    String description = "field " + path + " exists";
    return new MongoCheck(description, true, pathProblem(path, description), session -> result ->
        result.document().flatMap(d -> FieldPath.text(d, path)).isPresent() ? Optional.empty() : Optional.of("field " + path + " is missing"));
  }

  /** A field check with a mistake found before the load: the request is refused, so it never runs. */
  private static MongoCheck refusedFieldCheck(String description, String problem) {
    return new MongoCheck(description, true, Optional.of(problem), session -> result -> Optional.of("not checked"));
  }

  /** A path that names no field (empty, or with an empty part: {@code "a..b"}), which no document could ever satisfy. */
  private static Optional<String> pathProblem(String path, String description) {
    boolean namesAField = path != null && !path.isEmpty() && Arrays.stream(path.split("\\.", -1)).noneMatch(String::isEmpty);
    return namesAField ? Optional.empty() : Optional.of("the check " + description + ": its path '" + path
        + "' names no field; give the field's name, with dots between nested ones (\"a.b\")");
  }

  String description() {
    return description;
  }

  /** Field checks look at a document: find, aggregate and commands return one, writes do not. */
  boolean needsDocument() {
    return needsDocument;
  }

  Optional<String> problem() {
    return problem;
  }

  Bound bind(io.gatling.core.session.Session session) {
    return binder.apply(session);
  }
}
