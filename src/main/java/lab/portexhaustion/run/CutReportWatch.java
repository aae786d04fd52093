package lab.portexhaustion.run;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import lab.portexhaustion.Plural;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.record.GatlingLaunch;
import org.slf4j.LoggerFactory;

/**
 * The Gatling report of the run that has just ended, watched through Gatling's own word on it. Gatling writes that report
 * after the harness's files, the comparison and the verdict, on the thread that ended the run; where its report writer
 * fails, Gatling logs "Run crashed" with the exception, on that thread, and the JVM ends with 1, the report left cut. That
 * exception, as Gatling logs it and before the JVM ends, is what tells the report is not whole and why: not a look at the
 * disk afterwards, which another process may have filled meanwhile, and nothing where no report was asked for. Only an
 * exception from Gatling's report code, for want of room on the disk, counts; a crash of another kind, or a signal, is
 * left as it was.
 *
 * <p>One per JVM, on Gatling's logger; it keeps the folder and names of the last run ended, nothing of the run itself,
 * and the next run ended takes its place, so only the run whose report is being written is watched. Nothing where
 * Logback is not the backend, or where Gatling's logger is set not to log its errors: the crash is then said as before.
 */
final class CutReportWatch extends AppenderBase<ILoggingEvent> {

  /** Gatling's main, which logs "Run crashed" with what ended it. */
  private static final String GATLING_MAIN_LOGGER = "io.gatling.app.Gatling$";
  private static final CutReportWatch INSTANCE = new CutReportWatch();

  /**
   * The run whose report is written now, on {@code thread}; {@code notWritten} the names of its harness files that could
   * not be written, which its verdict said.
   */
  private record Watched(String simulation, Path runFolder, GatlingLaunch launch, Path comparisonFolder,
      ProcessExit.Code code, List<String> notWritten, Thread thread) {}

  private final AtomicReference<Watched> watched = new AtomicReference<>();
  private boolean attached; // guarded by the class: attached once per JVM

  private CutReportWatch() {}

  /**
   * Watches the report of the run in {@code runFolder}, which ended with {@code code}: Gatling writes it next, on this
   * thread. {@code comparisonFolder} is the comparison of its batch, if it is in one; {@code notWritten} the names of
   * the run's harness files that could not be written.
   */
  static void watch(String simulation, Path runFolder, GatlingLaunch launch, Path comparisonFolder, ProcessExit.Code code,
      List<String> notWritten) {
    if (INSTANCE.attach()) {
      INSTANCE.watched.set(new Watched(simulation, runFolder, launch, comparisonFolder, code, List.copyOf(notWritten),
          Thread.currentThread()));
    }
  }

  private boolean attach() {
    synchronized (CutReportWatch.class) {
      if (!attached && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
        setContext(logback);
        setName("port-exhaustion-lab-cut-report");
        start();
        logback.getLogger(GATLING_MAIN_LOGGER).addAppender(this);
        attached = true;
      }
      return attached;
    }
  }

  /**
   * Gatling stops its logging context as its run ends, whole report or not, which detaches and stops every appender:
   * the run watched is over then, and the next run watched in this JVM (Gatling run in-process again) attaches anew.
   */
  @Override
  public void stop() {
    synchronized (CutReportWatch.class) {
      super.stop();
      watched.set(null);
      attached = false;
    }
  }

  @Override
  protected void append(ILoggingEvent event) {
    Watched run = watched.get();
    if (run == null || run.thread() != Thread.currentThread() || !(event.getThrowableProxy() instanceof ThrowableProxy proxy)) {
      return;
    }
    Throwable e = proxy.getThrowable();
    Optional<IOException> diskFull = diskFull(e);
    if (diskFull.isEmpty() || !fromGatlingReport(e) || !watched.compareAndSet(run, null)) {
      return; // a crash of another kind: Gatling's 1 stands, its stack trace said
    }
    if (ProcessExit.ending()) {
      return; // a signal ends the JVM as Gatling writes: its code and lab-test say the report may be partial
    }
    // The comparison first, so that what is said of it is what happened.
    String comparison = BatchComparison.rewriteAfterCutReport(run.launch(), run.runFolder(), run.comparisonFolder());
    ProcessExit.Code ending = run.code() == ProcessExit.Code.DONE ? ProcessExit.Code.REPORT_CUT : run.code();
    // Gatling's main ends the JVM with 1 next, which 7 replaces; a failed or inconclusive verdict's code is set already.
    // A signal heard meanwhile takes the JVM's end first: its code stands, and nothing is said.
    boolean codeStands = ending == run.code() ? !ProcessExit.ending() : ProcessExit.endWith(ending);
    if (!codeStands) {
      return;
    }
    boolean pageWritten = Files.isRegularFile(run.runFolder().resolve("index.html"));
    System.err.println(run.simulation() + ": Gatling's HTML report in " + run.runFolder() + " was cut: "
        + WriteCause.of(diskFull.get()) + " as Gatling wrote it, so its files there are incomplete ("
        + (pageWritten ? "index.html written, not all the rest" : "index.html not written") + "). The verdict said above"
        + " stands: " + harnessFiles(run) + comparison + "Make room on that disk, then make the report again with mvn"
        + " gatling:test -Dgatling.reportsOnly=" + run.runFolder().getFileName() + "; exit code " + ending.status() + ".");
  }

  /** What there is of the run's own files, in a sentence ending with a space. */
  private static String harnessFiles(Watched run) {
    Path harness = run.runFolder().resolve("harness");
    if (run.notWritten().isEmpty()) {
      return "the harness's own files in " + harness + " are whole. ";
    }
    return "of the harness's own files in " + harness + ", " + Plural.listed(run.notWritten()) + " could not be written"
        + " (said above), the rest are whole. ";
  }

  /** The want of room among the causes of {@code e}: ENOSPC or EDQUOT. */
  private static Optional<IOException> diskFull(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io && WriteCause.diskFull(io)) {
        return Optional.of(io);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code e} was thrown from Gatling's report code (its charts module, or what runs it after the load). */
  private static boolean fromGatlingReport(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      for (StackTraceElement frame : cause.getStackTrace()) {
        String name = frame.getClassName();
        if (name.startsWith("io.gatling.charts.") || name.equals("io.gatling.app.RunResultProcessor")) {
          return true;
        }
      }
    }
    return false;
  }
}
