package lab.portexhaustion.record;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Which JIT compilers this JVM runs, for {@code conditions.json}: in a run of seconds the compilers can take more CPU
 * than the requests, so two runs compared side by side should say which they had (docs/settings.md).
 */
final class JitCompilers {

  static final String NOT_REPORTED = "JIT compilers not reported";
  private static final String INTERPRETER_ONLY = "interpreter only";

  private JitCompilers() {}

  /** This JVM's, from HotSpot's own options; {@link #NOT_REPORTED} on a JVM that has no such options. */
  static String ofThisJvm() {
    // -Xint leaves the tier options as they were and says so only here ("interpreted mode").
    if (System.getProperty("java.vm.info", "").startsWith("interpreted")) {
      return INTERPRETER_ONLY;
    }
    try {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (hotSpot == null) {
        return NOT_REPORTED;
      }
      VMOption tiered = hotSpot.getVMOption("TieredCompilation");
      VMOption stopAtLevel = hotSpot.getVMOption("TieredStopAtLevel");
      return of(Boolean.parseBoolean(tiered.getValue()), Integer.parseInt(stopAtLevel.getValue()));
    } catch (IllegalArgumentException notHotSpot) {
      return NOT_REPORTED;
    }
  }

  /** HotSpot's tiers: 0 the interpreter, 1 to 3 the client compiler (C1), 4 the optimising one (C2). */
  static String of(boolean tieredCompilation, int tieredStopAtLevel) {
    if (!tieredCompilation) {
      return "optimising JIT compiler only";
    }
    if (tieredStopAtLevel <= 0) {
      return INTERPRETER_ONLY;
    }
    if (tieredStopAtLevel < 4) {
      return "client JIT compiler only, TieredStopAtLevel=" + tieredStopAtLevel;
    }
    return "client and optimising JIT compilers";
  }
}
