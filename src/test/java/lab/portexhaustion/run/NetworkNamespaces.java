package lab.portexhaustion.run;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** For the tests that run something inside a network namespace: they skip where this machine cannot make one. */
public final class NetworkNamespaces {

  private NetworkNamespaces() {}

  /** Skips the test unless a user namespace with a network namespace of its own can be made (the launcher's way for a user without root). */
  public static void assumeAvailable() throws IOException, InterruptedException {
    Process probe = new ProcessBuilder("unshare", "--user", "--map-root-user", "--net", "true").start();
    assumeTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0, "this machine cannot make a network namespace");
  }
}
