package lab.portexhaustion.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.session.Session$;
import io.gatling.netty.util.Transports;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.onset.OnsetDetector;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.StrategyFactory;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Raw-socket requests on the virtual user's own event loop, built as Gatling builds its loops and sockets: sent,
 * answered, recorded and logged there, no worker in between, and the user moves on without changing thread.
 */
class RequestsOnTheUsersLoopTest {

  private static final Executor NO_WORKER = task -> {
    throw new AssertionError("a raw-socket request was handed to a worker");
  };

  private final RecordingStatsEngine stats = new RecordingStatsEngine();
  private final RunMetrics metrics = new RunMetrics((second, okLatencyMicros) -> {});
  private final EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
  private final ConnectionStrategy strategy =
      StrategyFactory.create(StrategyKind.RAW_SOCKET, server, TestSettings.with(), SocketErrorListener.NONE);
  // Gatling's own loops: its native transport where the machine has one, as in a run.
  private final EventLoopGroup gatlingLoops = Transports.newEventLoopGroup(true, false, 2, "gatling-test");
  private final RequestPath path = RequestPath.of(strategy, NO_WORKER, Transports.newSocketChannelFactory(true, false));

  @AfterEach
  void stop() throws InterruptedException {
    strategy.close();
    server.close();
    gatlingLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  @Test
  void anAnsweredRequestIsRecordedAndLoggedOnTheUsersOwnLoop() throws Exception {
    EventLoop loop = gatlingLoops.next();
    String loopThread = loop.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
    NextAction next = new NextAction();

    loop.execute(() -> action(next).execute(session(loop)));
    Session passedOn = next.session.get(5, TimeUnit.SECONDS);

    assertThat(passedOn.isFailed()).isFalse();
    assertThat(next.thread).as("the user moved on without a hop").isEqualTo(loopThread);
    assertThat(stats.responses).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("OK");
      assertThat(r.thread()).as("logged where the reply arrived").isEqualTo(loopThread);
      assertThat(r.endMillis()).isGreaterThanOrEqualTo(r.startMillis());
    });
    assertThat(metrics.succeededCount()).isEqualTo(1);
    assertThat(metrics.counts().started()).isEqualTo(1);
    assertThat(strategy.connectionsOpened()).isEqualTo(1);
  }

  @Test
  void manyUsersOnTwoLoopsEachFinishOnTheirOwn() throws Exception {
    List<NextAction> nexts = new ArrayList<>();
    List<EventLoop> loops = new ArrayList<>();
    for (int user = 0; user < 40; user++) {
      EventLoop loop = gatlingLoops.next();
      NextAction next = new NextAction();
      nexts.add(next);
      loops.add(loop);
      loop.execute(() -> action(next).execute(session(loop)));
    }

    for (int user = 0; user < nexts.size(); user++) {
      assertThat(nexts.get(user).session.get(10, TimeUnit.SECONDS).isFailed()).isFalse();
      assertThat(nexts.get(user).onItsLoop).isTrue();
    }
    assertThat(metrics.succeededCount()).isEqualTo(40);
    assertThat(strategy.connectionsOpened()).isEqualTo(40);
  }

  @Test
  void aRefusedRequestIsTheSameKoAsOnAWorker() throws Exception {
    server.close();
    EventLoop loop = gatlingLoops.next();
    NextAction next = new NextAction();

    loop.execute(() -> action(next).execute(session(loop)));

    assertThat(next.session.get(5, TimeUnit.SECONDS).isFailed()).isTrue();
    assertThat(stats.responses).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("KO");
      assertThat(r.code()).isEqualTo("ECONNREFUSED");
      assertThat(r.message()).isEqualTo("server refused: ECONNREFUSED Connection refused");
    });
    assertThat(metrics.failedCount()).isEqualTo(1);
    assertThat(strategy.connectionsOpened()).isZero();
  }

  @Test
  void aUserStillArrivingAfterTheRunEndedSendsNothing() throws Exception {
    EventLoop loop = gatlingLoops.next();
    NextAction next = new NextAction();
    RequestRecorder ended = recorder();
    ended.close();

    loop.submit(() -> action(next, ended).execute(session(loop))).get(5, TimeUnit.SECONDS);

    assertThat(strategy.connectionsOpened()).isZero();
    assertThat(metrics.counts().started()).isZero();
    assertThat(ended.leftInFlight()).as("not a request of the run, not even one left running").isZero();
    assertThat(stats.responses).isEmpty();
  }

  private MongoRequestAction action(Action next) {
    return action(next, recorder());
  }

  private MongoRequestAction action(Action next, RequestRecorder recorder) {
    return new MongoRequestAction("raw-socket", session -> StrategyFactory.settingsOperation(TestSettings.with()), path,
        recorder, stats.engine::logResponse, System::currentTimeMillis, next);
  }

  private RequestRecorder recorder() {
    return new RequestRecorder(metrics, new OnsetDetector(Instant.now(), Duration.ZERO, Scenario.RAW_SOCKET, first -> { }));
  }

  private static Session session(EventLoop loop) {
    return Session$.MODULE$.apply("scenario-under-test", 1L, loop);
  }
}
