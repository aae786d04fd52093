package lab.portexhaustion.target;

import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;

/** A stand-in for a simulation's JVM: starts the embedded server process, says its pid, and waits to be killed. */
public final class ServerParentMain {

  private ServerParentMain() {}

  public static void main(String[] args) throws Exception {
    EmbeddedServerProcess server = EmbeddedServerProcess.start("test parent", ServerLimits.NONE, EmbeddedMonitoring.STREAMING, port -> true);
    System.out.println("SERVER " + server.pid());
    System.out.flush();
    Thread.sleep(120_000); // bounded: the test kills this process long before
    server.close();
  }
}
