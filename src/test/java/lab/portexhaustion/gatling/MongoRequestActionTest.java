package lab.portexhaustion.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.session.Session$;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.onset.OnsetDetector;
import lab.portexhaustion.onset.RequestCounts;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.RequestWork;
import lab.portexhaustion.strategy.StrategyFactory;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The action's contract with Gatling: runs off Gatling's thread, logs OK/KO with times and message, hands the user on. */
class MongoRequestActionTest {

  private final RecordingStatsEngine stats = new RecordingStatsEngine();
  private final RunMetrics metrics = new RunMetrics((second, okLatencyMicros) -> {});
  private final RequestWorkers workers = new RequestWorkers(2, 10);
  private final EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
  private final ThreadRecordingStrategy strategy =
      new ThreadRecordingStrategy(StrategyFactory.create(StrategyKind.RAW_SOCKET, server, TestSettings.with(), SocketErrorListener.NONE));
  private final DefaultEventLoop gatlingThread = new DefaultEventLoop();
  private final RequestDefinition handshake = session -> StrategyFactory.settingsOperation(TestSettings.with());

  @AfterEach
  void stop() throws InterruptedException {
    workers.drain(5);
    server.close();
    gatlingThread.shutdownGracefully();
  }

  @Test
  void anAnsweredRequestIsLoggedOkAndTheUserMovesOnFromAWorkerThread() throws Exception {
    NextAction next = new NextAction();

    action(next).execute(session());
    Session passedOn = next.session.get(5, TimeUnit.SECONDS);

    assertThat(strategy.thread).startsWith("harness-worker-");
    assertThat(next.onItsLoop).as("next action runs on the virtual user's event loop").isTrue();
    assertThat(passedOn.isFailed()).isFalse();
    assertThat(stats.responses).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("OK");
      assertThat(r.scenario()).isEqualTo("scenario-under-test");
      assertThat(r.requestName()).isEqualTo("raw-socket");
      assertThat(r.endMillis()).isGreaterThanOrEqualTo(r.startMillis());
      assertThat(r.message()).isNull();
    });
    assertThat(metrics.succeededCount()).isEqualTo(1);
  }

  @Test
  void aRequestToAClosedPortIsLoggedKoWithItsNormalisedMessage() throws Exception {
    server.close();
    NextAction next = new NextAction();

    action(next).execute(session());
    Session passedOn = next.session.get(5, TimeUnit.SECONDS);

    assertThat(passedOn.isFailed()).isTrue();
    assertThat(stats.responses).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("KO");
      assertThat(r.code()).isEqualTo("ECONNREFUSED");
      assertThat(r.message()).isEqualTo("server refused: ECONNREFUSED Connection refused");
    });
    assertThat(metrics.failedCount()).isEqualTo(1);
    assertThat(metrics.errorCounts()).containsValue(1L);
  }

  @Test
  void aRequestThatFindsTheWorkerQueueFullFailsAsHarnessSaturated() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RequestWorkers oneWorker = new RequestWorkers(1, 1);
    ConnectionStrategy blocking = new ThreadRecordingStrategy(strategy) {
      @Override
      public void execute(RequestWork work) throws Exception {
        running.countDown();
        release.await(5, TimeUnit.SECONDS);
      }
    };
    OnsetDetector onset = new OnsetDetector(Instant.now(), Duration.ZERO, Scenario.RAW_SOCKET, first -> { });
    MongoRequestAction action = new MongoRequestAction("raw-socket", handshake, new WorkerPath(blocking, oneWorker),
        new RequestRecorder(metrics, onset), stats.engine::logResponse, System::currentTimeMillis, new NextAction());
    try {
      action.execute(session()); // runs on the one worker
      assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
      action.execute(session()); // waits in the queue
      NextAction third = new NextAction();
      new MongoRequestAction("raw-socket", handshake, new WorkerPath(blocking, oneWorker), new RequestRecorder(metrics, onset),
          stats.engine::logResponse, System::currentTimeMillis, third).execute(session()); // finds the queue full

      assertThat(third.session.get(5, TimeUnit.SECONDS).isFailed()).isTrue();
      assertThat(stats.responses).singleElement().satisfies(r -> {
        assertThat(r.status()).isEqualTo("KO");
        assertThat(r.message()).isEqualTo("harness saturated: worker queue full");
      });
    } finally {
      release.countDown();
      oneWorker.drain(5);
    }
  }

  @Test
  void aRequestThatCannotBeBuiltForItsUserIsAKoOfTheRunNamingItThatStartedNothing() throws Exception {
    NextAction next = new NextAction();
    OnsetDetector onset = new OnsetDetector(Instant.now(), Duration.ZERO, Scenario.RAW_SOCKET, first -> { });
    RequestDefinition missingKey = session -> {
      throw new UnresolvedRequestException("the filter of 'find user': No attribute named 'user' is defined");
    };

    new MongoRequestAction("find user", missingKey, new WorkerPath(strategy, workers), new RequestRecorder(metrics, onset),
        stats.engine::logResponse, System::currentTimeMillis, next).execute(session());

    assertThat(next.session.get(5, TimeUnit.SECONDS).isFailed()).isTrue();
    assertThat(strategy.thread).as("nothing ran on a worker").isNull();
    assertThat(stats.responses).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("KO");
      assertThat(r.requestName()).isEqualTo("find user");
      assertThat(r.code()).isEqualTo("not sent");
      assertThat(r.message()).isEqualTo("request not built: find user: the filter of 'find user': No attribute named 'user' is defined");
    });
    assertThat(metrics.failedCount()).as("a KO, as in Gatling's report").isEqualTo(1);
    assertThat(metrics.notBuiltCount()).isEqualTo(1);
    assertThat(metrics.notBuiltRequests()).containsExactly(new RunMetrics.NotBuiltRequest("find user", 1,
        "find user: the filter of 'find user': No attribute named 'user' is defined"));
    assertThat(metrics.errorCounts()).containsEntry(new RunMetrics.ClassifiedErrorKey(ErrorKind.NOT_BUILT,
        "find user: the filter of 'find user': No attribute named 'user' is defined"), 1L);
    assertThat(metrics.counts()).as("nothing started, and the onset told of no failed request")
        .isEqualTo(new RequestCounts(0, 0, 0, 0));
    assertThat(metrics.unexplainedCounts()).as("not the target's: the verdict names it apart").isEmpty();
  }

  private MongoRequestAction action(Action next) {
    OnsetDetector onset = new OnsetDetector(Instant.now(), Duration.ZERO, Scenario.RAW_SOCKET, first -> { });
    return new MongoRequestAction("raw-socket", handshake, new WorkerPath(strategy, workers), new RequestRecorder(metrics, onset),
        stats.engine::logResponse, System::currentTimeMillis, next);
  }

  private Session session() {
    return Session$.MODULE$.apply("scenario-under-test", 1L, gatlingThread);
  }

  /** The real strategy, noting which thread ran it. */
  private static class ThreadRecordingStrategy implements ConnectionStrategy {
    private final ConnectionStrategy real;
    volatile String thread;

    ThreadRecordingStrategy(ConnectionStrategy real) {
      this.real = real;
    }

    @Override
    public void execute(RequestWork work) throws Exception {
      thread = Thread.currentThread().getName();
      real.execute(work);
    }

    @Override
    public boolean usesDriver() {
      return real.usesDriver();
    }

    @Override
    public long connectionsOpened() {
      return real.connectionsOpened();
    }

    @Override
    public String describe() {
      return real.describe();
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
