package lab.portexhaustion.dsl;

import lab.portexhaustion.config.Expectation;

/** What the verdict expects of a simulation (the {@code verdict.<scenario>} setting). */
public final class Expect {

  private final Expectation expectation;

  Expect(Expectation expectation) {
    this.expectation = expectation;
  }

  Expectation expectation() {
    return expectation;
  }
}
