package lab.portexhaustion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A process's CPU time and its threads' context switches at one moment, read from {@code /proc} from outside.
 *
 * <p>CPU time comes from {@code /proc/<pid>/stat}, which counts the whole process, ended threads included. Context
 * switches have no such whole-process count in {@code /proc}: {@code /proc/<pid>/status} holds the main thread's alone
 * (a Gatling JVM's showed 1 voluntary switch where its threads together had 3,505), and {@code getrusage}, which sums
 * ended threads too, answers only for the calling process. So they are kept per thread, and {@link #switchesSince}
 * says what is lost: a thread that ended between two snapshots takes its switches since the earlier one with it. Each
 * thread's name is kept too, so that a window's switches can be told by the kind of thread that made them (its
 * {@link #threadKind}): the harness's workers, Gatling's event loops, its stats writer, the driver's own threads.
 *
 * @param tasks each live thread's name and counts, by thread id
 * @param cpuTicks user plus system time in clock ticks, less that of the threads left out
 */
record ProcessCounters(long epochMillis, Map<Long, Task> tasks, long cpuTicks) {

  /** Clock ticks per second of /proc's times: USER_HZ, which Linux fixes at 100 for user space on x86 and arm64. */
  static final long TICKS_PER_SECOND = 100;

  /** One live thread: its name (as Linux keeps it) and its context switches since it started. */
  record Task(String name, ProcLines.ContextSwitches switches) {}

  /**
   * The switches of a window: those of the threads alive at its end, the same by {@link #threadKind}, and how many
   * threads ended during it.
   */
  record WindowSwitches(ProcLines.ContextSwitches switches, Map<String, ProcLines.ContextSwitches> byKind, int threadsEnded) {}

  /** {@code pid}'s counters, leaving out the threads {@code leftOut} (the reader's own, when it reads its process). */
  static ProcessCounters read(long pid, Set<Long> leftOut) throws IOException {
    long epochMillis = System.currentTimeMillis();
    Path process = Path.of("/proc", String.valueOf(pid));
    Map<Long, Task> tasks = new HashMap<>();
    long leftOutTicks = 0;
    try (Stream<Path> threads = Files.list(process.resolve("task"))) {
      for (Path thread : threads.toList()) {
        long tid = Long.parseLong(thread.getFileName().toString());
        try {
          if (leftOut.contains(tid)) {
            leftOutTicks += ProcLines.cpuTicks(Files.readString(thread.resolve("stat")));
          } else {
            String status = Files.readString(thread.resolve("status"));
            tasks.put(tid, new Task(ProcLines.name(status), ProcLines.contextSwitches(status)));
          }
        } catch (IOException ended) {
          // The thread ended between the listing and the read: its files are gone (NoSuchFileException), or the file
          // was opened as it ended and the read fails with ESRCH ("No such process"), as it did in the client per
          // request line, whose every client starts and ends threads of its own. Either way as if it had ended just
          // before. The process's own stat, read below, still fails when the process itself is gone.
        }
      }
    }
    return new ProcessCounters(epochMillis, Map.copyOf(tasks), ProcLines.cpuTicks(Files.readString(process.resolve("stat"))) - leftOutTicks);
  }

  /** The id of the calling thread, from /proc/thread-self ({@code <pid>/task/<tid>}). */
  static long currentThreadId() {
    try {
      return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Per thread, so that a thread born in the window counts from zero and one that ended does not subtract. */
  WindowSwitches switchesSince(ProcessCounters earlier) {
    ProcLines.ContextSwitches sum = ProcLines.ContextSwitches.NONE;
    Map<String, ProcLines.ContextSwitches> byKind = new HashMap<>();
    for (Map.Entry<Long, Task> task : tasks.entrySet()) {
      Task before = earlier.tasks.get(task.getKey());
      ProcLines.ContextSwitches made = task.getValue().switches().minus(before == null ? ProcLines.ContextSwitches.NONE : before.switches());
      sum = sum.plus(made);
      byKind.merge(threadKind(task.getValue().name()), made, ProcLines.ContextSwitches::plus);
    }
    int ended = (int) earlier.tasks.keySet().stream().filter(tid -> !tasks.containsKey(tid)).count();
    return new WindowSwitches(sum, Map.copyOf(byKind), ended);
  }

  /**
   * The kind of a thread by its name: its numbers made {@code #}, and what ends it after its last word left off, so
   * that a pool's threads are one kind however many it has and however Linux cut their names at 15 characters
   * ({@code pool-2-thread-1} and {@code pool-10-thread-} are both {@code pool-#-thread}; {@code gatling-1-3} is
   * {@code gatling}).
   */
  static String threadKind(String name) {
    return name.replaceAll("[0-9]+", "#").replaceAll("[-#]+$", "");
  }

  double cpuMicrosSince(ProcessCounters earlier) {
    return (cpuTicks - earlier.cpuTicks) * 1_000_000.0 / TICKS_PER_SECOND;
  }
}
