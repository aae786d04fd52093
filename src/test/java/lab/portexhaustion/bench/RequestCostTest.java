package lab.portexhaustion.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import lab.portexhaustion.bench.ProcLines.ContextSwitches;
import org.junit.jupiter.api.Test;

/** The cost per request of the throughput lines: /proc's lines as the kernel writes them, and the arithmetic on them. */
class RequestCostTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/linux/proc-task");

  @Test
  void aTaskStatusGivesItsNameAndItsVoluntaryAndInvoluntarySwitches() throws Exception {
    // a Java thread's status (Finalizer) copied from /proc/<pid>/task/<tid>/status
    String status = Files.readString(FIXTURES.resolve("status-java-thread.txt"));
    assertThat(ProcLines.name(status)).isEqualTo("Finalizer");
    assertThat(ProcLines.contextSwitches(status)).isEqualTo(new ContextSwitches(3, 1));
    assertThatThrownBy(() -> ProcLines.name("Umask:\t0022\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Name line");
    assertThatThrownBy(() -> ProcLines.contextSwitches("Name:\tjava\nState:\tS (sleeping)\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Name:\tjava");
  }

  @Test
  void aStatLineGivesUserPlusSystemTicksWhateverTheNameHolds() throws Exception {
    // "VM Thread": a space in the name; utime 1, stime 4
    assertThat(ProcLines.cpuTicks(Files.readString(FIXTURES.resolve("stat-java-compiler-thread.txt")))).isEqualTo(5);
    // a process named "w) (x 1": a space and both parentheses in the name; utime 84, stime 0
    assertThat(ProcLines.cpuTicks(Files.readString(FIXTURES.resolve("stat-comm-with-parenthesis.txt")))).isEqualTo(84);
    assertThatThrownBy(() -> ProcLines.cpuTicks("12 (java) S 1 2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void switchesPerRequestCountABornThreadFromZeroAndLeaveOutOneThatEnded() {
    ProcessCounters start = new ProcessCounters(1_000, Map.of(1L, task("pool-2-thread-1", 100, 10), 2L, task("pool-2-thread-2", 50, 5)),
        300);
    // thread 2 ended, threads 3 and 4 were born; thread 1 made 1,000 voluntary and 100 involuntary switches, thread 3 (its
    // name cut at 15 characters by Linux) 200 and 20, thread 4 100 and 0
    ProcessCounters end = new ProcessCounters(11_000, Map.of(1L, task("pool-2-thread-1", 1_100, 110), 3L, task("pool-10-thread-", 200, 20),
        4L, task("loop-1-2", 100, 0)), 1_300);

    RequestCost cost = RequestCost.between(start, end, 400);

    assertThat(cost.voluntary()).isCloseTo(1_300 / 400.0, within(1e-9));
    assertThat(cost.voluntaryByThreadKind()).containsOnlyKeys("pool-#-thread", "loop");
    assertThat(cost.voluntaryByThreadKind().get("pool-#-thread")).isCloseTo(1_200 / 400.0, within(1e-9));
    assertThat(cost.voluntaryByThreadKind().get("loop")).isCloseTo(100 / 400.0, within(1e-9));
    assertThat(cost.involuntary()).isCloseTo(120 / 400.0, within(1e-9));
    // 1,000 ticks of 10 ms: 10 s of CPU over 400 requests
    assertThat(cost.cpuMicros()).isCloseTo(10_000_000.0 / 400, within(1e-6));
    assertThat(cost.threadsEnded()).isEqualTo(1);
    assertThatThrownBy(() -> RequestCost.between(start, end, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aThreadThatWaitsIsSeenSwitchingUntilItEndsAndTheReaderIsLeftOut() throws Exception {
    long pid = ProcessHandle.current().pid();
    long reader = ProcessCounters.currentThreadId();
    CountDownLatch slept = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong sleeperId = new AtomicLong();
    ProcessCounters before = ProcessCounters.read(pid, Set.of(reader));
    Thread sleeper = new Thread(() -> {
      sleeperId.set(ProcessCounters.currentThreadId());
      try {
        for (int i = 0; i < 50; i++) {
          Thread.sleep(1); // each sleep gives the core up: a voluntary switch
        }
        slept.countDown();
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bench-sleeper-7");
    sleeper.start();
    slept.await();
    ProcessCounters sleeping = ProcessCounters.read(pid, Set.of(reader));
    release.countDown();
    sleeper.join();
    awaitGoneFromProc(pid, sleeperId.get());
    ProcessCounters after = ProcessCounters.read(pid, Set.of(reader));

    assertThat(sleeping.tasks()).doesNotContainKey(reader).containsKey(sleeperId.get());
    assertThat(before.tasks()).doesNotContainKey(sleeperId.get());
    assertThat(sleeping.tasks().get(sleeperId.get()).name()).isEqualTo("bench-sleeper-7");
    assertThat(sleeping.tasks().get(sleeperId.get()).switches().voluntary()).isGreaterThanOrEqualTo(50);
    assertThat(sleeping.switchesSince(before).switches().voluntary()).isGreaterThanOrEqualTo(50);
    assertThat(sleeping.switchesSince(before).byKind().get("bench-sleeper").voluntary()).isGreaterThanOrEqualTo(50);
    assertThat(after.tasks()).doesNotContainKey(sleeperId.get());
    assertThat(after.switchesSince(sleeping).threadsEnded()).isGreaterThanOrEqualTo(1);
  }

  /**
   * Threads that start and end while the counters are read, as each client of the client per request line starts and
   * ends its own: a thread ending between the listing and the read of its status made the read fail ("No such
   * process"), which ended that line's sampling and the line with it.
   */
  @Test
  void threadsEndingWhileTheCountersAreReadAreCountedAsEndedNotAFailure() throws Exception {
    long pid = ProcessHandle.current().pid();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> spawners = List.of(new Thread(() -> spawnUntil(stop), "bench-spawner-1"),
        new Thread(() -> spawnUntil(stop), "bench-spawner-2"));
    spawners.forEach(Thread::start);
    ProcessCounters last = null;
    try {
      // Before, this failed within the first 30 reads; each takes about a millisecond.
      for (int i = 0; i < 1_000; i++) {
        last = ProcessCounters.read(pid, Set.of());
      }
    } finally {
      stop.set(true);
      for (Thread spawner : spawners) {
        spawner.join();
      }
    }
    assertThat(last.tasks().values()).extracting(ProcessCounters.Task::name).contains("bench-spawner-1", "bench-spawner-2");
  }

  /** Starts threads that end at once, one after another, until {@code stop}. */
  private static void spawnUntil(AtomicBoolean stop) {
    while (!stop.get()) {
      new Thread(() -> {}, "bench-short-lived").start();
    }
  }

  private static ProcessCounters.Task task(String name, long voluntary, long involuntary) {
    return new ProcessCounters.Task(name, new ContextSwitches(voluntary, involuntary));
  }

  /** join() returns when the Java thread is done; the OS thread leaves /proc a moment later. At most 10 s. */
  private static void awaitGoneFromProc(long pid, long threadId) throws InterruptedException {
    Path task = Path.of("/proc", Long.toString(pid), "task", Long.toString(threadId));
    for (int i = 0; i < 1000 && Files.exists(task); i++) {
      Thread.sleep(10);
    }
  }
}
