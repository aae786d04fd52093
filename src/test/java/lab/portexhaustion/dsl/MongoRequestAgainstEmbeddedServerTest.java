package lab.portexhaustion.dsl;

import static lab.portexhaustion.dsl.MongoDsl.count;
import static lab.portexhaustion.dsl.MongoDsl.field;
import static lab.portexhaustion.dsl.MongoDsl.mongo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.core.session.Session;
import io.gatling.core.session.Session$;
import io.netty.channel.DefaultEventLoop;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.gatling.UnresolvedRequestException;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.StrategyFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DSL requests filled in from a virtual user's session and sent through the real strategies to a real server. */
class MongoRequestAgainstEmbeddedServerTest {

  private static final HarnessSettings SETTINGS = TestSettings.with();

  private final EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
  private final DefaultEventLoop gatlingThread = new DefaultEventLoop();
  private final ConnectionStrategy pooled = StrategyFactory.create(StrategyKind.POOLED, server, SETTINGS, SocketErrorListener.NONE);

  @AfterEach
  void stop() {
    pooled.close();
    server.close();
    gatlingThread.shutdownGracefully();
  }

  private Session user(String name) {
    return Session$.MODULE$.apply("session store", 1L, gatlingThread).set("user", name).set("least", 1);
  }

  private void send(MongoRequestBuilder request, Session session) throws Exception {
    assertThat(request.problems(SETTINGS, pooled.usesDriver(), "pooled")).isEmpty();
    pooled.execute(request.definition(SETTINGS).resolve(session));
  }

  @Test
  void everyOperationWithElFromTheSessionAndChecksThatHold() throws Exception {
    Session ada = user("ada");
    send(mongo("save").collection("sessions").updateOne("{_id: '#{user}'}", "{$inc: {hits: 1}}").upsert().check(count().is(1)), ada);
    send(mongo("save again").collection("sessions").updateOne("{_id: '#{user}'}", "{$inc: {hits: 1}}").check(count().is(1)), ada);
    send(mongo("read").collection("sessions").find("{_id: '#{user}'}").check(count().is(1), field("hits").is(2), field("_id").is("#{user}")), ada);
    send(mongo("more").collection("sessions").insertMany("[{_id: 'bob', hits: 5}, {_id: 'cy', hits: 1}]").check(count().is(2)), ada);
    send(mongo("one").collection("sessions").insertOne("{_id: 'dee', hits: 0}").check(count().is(1)), ada);
    send(mongo("busy").collection("sessions").aggregate("[{$match: {hits: {$gt: #{least}}}}, {$sort: {hits: -1}}]")
        .check(count().is(2), field("_id").is("bob")), ada);
    send(mongo("forget").collection("sessions").deleteOne("{_id: 'dee'}").check(count().is(1)), ada);
    send(mongo("left").collection("sessions").find(session -> "{hits: {$lt: " + session.getInt("least") + "}}").check(count().is(0)), ada);
    send(mongo("ping").runCommand("{ping: 1}").check(field("ok").is(1)), ada);
  }

  /**
   * What the request's problems refuse before the load as shapes the driver never sends: sent anyway, each fails in the
   * driver, before it reaches the server, whatever the session holds.
   */
  @Test
  void theDriverRefusesAnUpdateWithoutOperatorsAndAnEmptyInsertOnEveryRequest() {
    Session ada = user("ada");
    for (MongoRequestBuilder refused : List.of(mongo("replace").updateOne("{_id: 1}", "{hits: 1}"),
        mongo("change nothing").updateOne("{_id: 1}", "{}"), mongo("insert none").insertMany("[]"))) {
      assertThat(refused.problems(SETTINGS, true, "pooled")).as("refused before the load").hasSize(1);
      assertThatThrownBy(() -> pooled.execute(refused.definition(SETTINGS).resolve(ada)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aCheckThatDoesNotHoldFailsTheRequestWithAMessageNamingIt() {
    assertThatThrownBy(() -> send(mongo("read session").collection("sessions").find("{_id: '#{user}'}").check(count().is(1)), user("nobody")))
        .isInstanceOf(CheckFailedException.class)
        .hasMessage("check failed: read session: count is 1, got 0");
  }

  @Test
  void anElReferenceToAMissingSessionKeyIsNamedAndNothingIsSent() {
    Session noUser = Session$.MODULE$.apply("session store", 1L, gatlingThread);
    assertThatThrownBy(() -> mongo("read session").find("{_id: '#{user}'}").definition(SETTINGS).resolve(noUser))
        .isInstanceOf(UnresolvedRequestException.class)
        .hasMessageStartingWith("the filter of 'read session': ")
        .hasMessageContaining("user");
  }

  @Test
  void aDocumentThatIsNotJsonOnceFilledIn() {
    Session quoted = user("o'brien");
    assertThatThrownBy(() -> mongo("read session").find("{_id: '#{user}'}").definition(SETTINGS).resolve(quoted))
        .isInstanceOf(UnresolvedRequestException.class)
        .hasMessageStartingWith("the filter of 'read session' is not JSON once filled in ({_id: 'o'brien'})");
  }

  @Test
  void aCommandOverABareSocket() throws Exception {
    try (ConnectionStrategy raw = StrategyFactory.create(StrategyKind.RAW_SOCKET, server, SETTINGS, SocketErrorListener.NONE)) {
      MongoRequestBuilder ping = mongo("ping").runCommand("{ping: 1}").check(field("ok").is(1));
      assertThat(ping.problems(SETTINGS, raw.usesDriver(), "raw-socket")).isEmpty();
      raw.execute(ping.definition(SETTINGS).resolve(user("ada")));
      MongoRequestBuilder handshake = mongo("hello").handshake().check(field("ok").is(1));
      raw.execute(handshake.definition(SETTINGS).resolve(user("ada")));
    }
  }
}
