package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The names mongod takes and refuses, as its namespace rules on Linux say. */
class MongoNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"portexhaustionlab", "orders_2026", "shop-eu", "a", "Ünïcode",
      "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk"}) // 63 bytes
  void aDatabaseNameMongodTakes(String name) {
    assertThat(MongoNames.databaseProblem(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "my db       | this one has a blank",
      "shop.eu     | this one has '.'",
      "a$b         | this one has '$'",
      "x/y         | this one has '/'",
      "x\\y        | this one has '\\'",
      "'say\"hi'   | this one has '\"'",
      "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl | at most 63 bytes long, and this one is 64"})
  void aDatabaseNameMongodRefuses(String name, String why) {
    assertThat(MongoNames.databaseProblem(name)).hasValueSatisfying(problem -> assertThat(problem).endsWith(why));
  }

  @ParameterizedTest
  @ValueSource(strings = {"requests", "sessions.archive", "system_like", "a b", "orders-2026"})
  void aCollectionNameMongodTakes(String name) {
    assertThat(MongoNames.collectionProblem(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "orders$      | this one has '$'",
      "$cmd         | this one has '$'",
      ".hidden      | does not begin with '.'"})
  void aCollectionNameMongodRefuses(String name, String why) {
    assertThat(MongoNames.collectionProblem(name)).hasValueSatisfying(problem -> assertThat(problem).endsWith(why));
  }
}
