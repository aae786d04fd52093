package lab.portexhaustion.process;

import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Records that INT, TERM or HUP ended a JVM that began a simulation, as the status the JVM ends with (128 + the
 * signal's number: 130, 143, 129; HUP is what a closed terminal or a lost SSH session sends), then hands the signal to the handler it stood in for, the JVM's own, which ends the JVM so. Without
 * it the record would keep the "crashed" that {@link ExitRecord#begin} writes: the gatling-maven-plugin ends {@code mvn}
 * with 1 whatever its fork ended with, so a TERM sent to the simulation's JVM alone read in {@code scripts/lab-test}
 * as a crash. {@code sun.misc.Signal} is the JDK's one way to hear a signal (a shutdown hook does not know why the
 * JVM ends); the JDK keeps it in {@code jdk.unsupported} for this use.
 */
final class InterruptRecord {

  private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

  private static boolean installed; // once per JVM: an in-process run may begin several simulations

  private InterruptRecord() {}

  static synchronized void installOnce(ExitRecord record) {
    if (installed) {
      return;
    }
    installed = true;
    for (String name : SIGNALS) {
      Signal signal = new Signal(name);
      Previous previous = new Previous();
      try {
        previous.handler = Signal.handle(signal, heard -> {
          record.interrupted(128 + heard.getNumber());
          previous.handler.handle(heard);
        });
      } catch (IllegalArgumentException reduced) {
        // -Xrs: the JVM leaves these signals to the OS, which ends it with no handler of Java's run; nothing to record.
      }
    }
  }

  /**
   * The handler a signal had before, the JVM's own, set as soon as {@link Signal#handle} returns it; until then, what
   * the JVM's own does: end the JVM with 128 + the signal's number, shutdown hooks run.
   */
  private static final class Previous {
    private volatile SignalHandler handler = heard -> ProcessExit.passOn(128 + heard.getNumber());
  }
}
