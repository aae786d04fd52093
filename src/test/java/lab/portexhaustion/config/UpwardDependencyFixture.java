package lab.portexhaustion.config;

import lab.portexhaustion.run.HarnessRun;

/** A settings class that reaches up into the run: the arrow LayeringTest must refuse. Used only by that test. */
public final class UpwardDependencyFixture {

  private UpwardDependencyFixture() {}

  /** The upward dependency itself. */
  static Class<?> runType() {
    return HarnessRun.class;
  }
}
