package lab.portexhaustion.dsl;

import static lab.portexhaustion.dsl.MongoDsl.count;
import static lab.portexhaustion.dsl.MongoDsl.field;
import static lab.portexhaustion.dsl.MongoDsl.mongo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import org.junit.jupiter.api.Test;

/** Bad requests are found before any load, each with a message that names the request. */
class MongoRequestProblemsTest {

  private static final HarnessSettings SETTINGS = TestSettings.with();

  private static List<String> withDriver(MongoRequestBuilder request) {
    return request.problems(SETTINGS, true, "pooled");
  }

  @Test
  void aRequestWithEveryPartRightHasNoProblem() {
    assertThat(withDriver(mongo("save session").collection("sessions")
        .updateOne("{_id: '#{user}'}", "{$set: {at: #{currentTimeMillis()}}, $inc: {hits: 1}}").upsert()
        .check(count().is(1)))).isEmpty();
    assertThat(withDriver(mongo("top users").aggregate("[{$match: {hits: {$gt: #{least}}}}, {$limit: 3}]")
        .check(count().atMost(3), field("_id").exists()))).isEmpty();
  }

  @Test
  void anEmptyCollectionName() {
    assertThat(withDriver(mongo("read session").collection("").find("{}"))).singleElement().asString()
        .startsWith("The request 'read session' has an empty collection name")
        .contains("the collection setting (requests)");
  }

  @Test
  void aNameMongodRefuses() {
    assertThat(withDriver(mongo("read").database("shop.eu").collection("orders$").find("{}"))).containsExactly(
        "The request 'read' has the collection name 'orders$', which MongoDB refuses on every request: a collection name"
            + " has no $ or NUL character, and this one has '$'.",
        "The request 'read' has the database name 'shop.eu', which MongoDB refuses on every request: a database name has"
            + " none of / \\ . \" $, a blank or a NUL character, and this one has '.'.");
  }

  @Test
  void aFilterThatIsNotJson() {
    assertThat(withDriver(mongo("read session").find("{_id: '#{user}'"))).singleElement().asString()
        .startsWith("The request 'read session': the filter of 'read session' '{_id: '#{user}'' is not a JSON document");
  }

  @Test
  void theParsersMessageEndsTheProblemWithOneFullStop() {
    // The parser says "JSON reader was expecting a name but found '<eof>'.", a sentence of its own.
    assertThat(withDriver(mongo("read session").find("{_id: 'a'"))).singleElement().asString()
        .endsWith(" is not a JSON document: JSON reader was expecting a name but found '<eof>'.");
  }

  @Test
  void aPipelineThatIsNotAnArrayOfDocuments() {
    assertThat(withDriver(mongo("stats").aggregate("[{$limit: 1}, 3]"))).singleElement().asString()
        .contains("The request 'stats': the pipeline of 'stats'", "is not a JSON array of documents");
  }

  @Test
  void gatlingElThatDoesNotCompile() {
    assertThat(withDriver(mongo("read session").find("{_id: '#{}'}"))).singleElement().asString()
        .contains("The request 'read session'", "Gatling EL");
  }

  @Test
  void aDriverOperationOverBareSockets() {
    assertThat(mongo("read session").find("{}").problems(SETTINGS, false, "raw-socket")).singleElement().asString()
        .isEqualTo("The request 'read session' uses find, which needs a driver; the protocol's connections (raw-socket)"
            + " are bare sockets that carry only runCommand and handshake.");
    assertThat(mongo("ping").runCommand("{ping: 1}").problems(SETTINGS, false, "raw-socket")).isEmpty();
  }

  @Test
  void noOperation() {
    assertThat(withDriver(mongo("nothing").collection("sessions"))).singleElement().asString()
        .startsWith("The request 'nothing' has no operation");
  }

  @Test
  void upsertAfterSomethingOtherThanAnUpdate() {
    assertThat(withDriver(mongo("read session").find("{}").upsert().check(count().is(1)))).singleElement().asString()
        .isEqualTo("The request 'read session': upsert() follows updateOne(...), not find.");
  }

  /** A request is one operation: a second one replaced the first without a word, and the first was never sent. */
  @Test
  void aSecondOperationOnOneRequest() {
    assertThat(withDriver(mongo("place order").insertOne("{_id: '#{order}'}").find("{_id: '#{order}'}").check(count().is(1))))
        .singleElement().asString()
        .isEqualTo("The request 'place order': two operations, insertOne and then find, where a request sends one (the last);"
            + " give each its own mongo(\"...\") in exec(...).");
    assertThat(withDriver(mongo("ping").operationFromSettings().runCommand("{ping: 1}"))).singleElement().asString()
        .contains("two operations, operationFromSettings and then runCommand,");
    assertThat(withDriver(mongo("read").find("{}").operationFromSettings())).singleElement().asString()
        .contains("two operations, find and then operationFromSettings,");
  }

  /** An empty path, or one with an empty part, names no field: the check could never hold, and every request was a KO. */
  @Test
  void aFieldPathThatNamesNoField() {
    assertThat(withDriver(mongo("read").find("{}").check(field("").exists()))).singleElement().asString()
        .isEqualTo("The request 'read': the check field  exists: its path '' names no field; give the field's name, with dots"
            + " between nested ones (\"a.b\").");
    assertThat(withDriver(mongo("read").find("{}").check(field("profile..name").is("x"), field("profile.").is(1))))
        .hasSize(2).allMatch(p -> p.contains("names no field"));
    assertThat(withDriver(mongo("read").find("{}").check(field("profile.name").is("x")))).isEmpty();
  }

  /** A check given null, and a count no count can reach: one that could never hold, or never fail. */
  @Test
  void aCheckOfNullOrOfANegativeCount() {
    assertThat(withDriver(mongo("read").find("{}").check((MongoCheck) null))).singleElement().asString()
        .isEqualTo("The request 'read': check(...) was given null, where it takes count() and field(...) checks (a field read"
            + " before it is set gives null).");
    assertThat(withDriver(mongo("read").find("{}").check(field("a").is((String) null)))).singleElement().asString()
        .isEqualTo("The request 'read': the check field a is null: give the value expected (is(\"...\") or is(1)), or"
            + " exists() for any value.");
    assertThat(withDriver(mongo("read").find("{}").check(count().is(-1), count().atLeast(-1), count().atMost(-2))))
        .containsExactly("The request 'read': the check count is -1: a count is 0 or more, so it would never hold.",
            "The request 'read': the check count is at least -1: a count is 0 or more, so it would always hold.",
            "The request 'read': the check count is at most -2: a count is 0 or more, so it would never hold.");
    assertThat(withDriver(mongo("read").find("{}").check(count().is(0), count().atMost(0)))).isEmpty();
  }

  /** An update without operators, an empty insertMany and an empty command fail on every request, whatever the session. */
  @Test
  void anUpdateWithoutOperatorsAnEmptyInsertAndACommandOfNothing() {
    assertThat(withDriver(mongo("save").updateOne("{_id: 1}", "{hits: 1, $inc: {n: 1}}"))).singleElement().asString()
        .isEqualTo("The request 'save': the update of 'save' '{hits: 1, $inc: {n: 1}}' has the field 'hits', which is no"
            + " update operator: the driver refuses it on every request; give the change as operators ({$set: {hits: ...}}).");
    assertThat(withDriver(mongo("save").updateOne("{_id: 1}", "{}"))).singleElement().asString()
        .contains("the update of 'save' '{}' is empty: give the update's operators");
    assertThat(withDriver(mongo("add").insertMany("[]"))).singleElement().asString()
        .contains("'[]' is an empty array: the driver refuses to insert no documents");
    assertThat(withDriver(mongo("ask").runCommand("{}"))).singleElement().asString()
        .contains("'{}' names no command: give the command as its first field ({ping: 1})");
    // An EL reference may stand for an operator, and a value anywhere.
    assertThat(withDriver(mongo("save").updateOne("{_id: '#{user}'}", "{'#{op}': {hits: #{n}}}"))).isEmpty();
    assertThat(withDriver(mongo("save").updateOne("{_id: '#{user}'}", "{$set: {hits: #{n}}}"))).isEmpty();
  }

  @Test
  void aFieldCheckOnAWrite() {
    assertThat(withDriver(mongo("new session").insertOne("{_id: 1}").check(field("_id").is(1)))).singleElement().asString()
        .startsWith("The request 'new session' checks that field _id is '1', but insertOne returns no document");
  }
}
