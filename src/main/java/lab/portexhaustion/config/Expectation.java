package lab.portexhaustion.config;

/** What a simulation is expected to show. */
public enum Expectation implements ConfigName {
  /** What the model predicts from the range, TIME_WAIT, limits and the injection profile (see {@code docs/verdict.md}). */
  AUTO,
  /** No exhaustion; for the pooled strategy also no more open sockets than the pool allows. */
  CLEAN,
  /** An exhaustion-class failure must occur. */
  EXHAUSTION,
  /** Anything goes: no check. */
  ANY
}
