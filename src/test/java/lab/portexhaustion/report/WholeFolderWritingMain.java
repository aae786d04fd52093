package lab.portexhaustion.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes a {@link WholeFolder} while the JVM is ended, as a simulation's JVM is interrupted while it writes the
 * comparison; a process of its own, since what is tested is what a JVM that ends leaves on disk. {@code signal}: one
 * file, then "writing" on standard output, then a wait (bounded) for the TERM that {@link WholeFolderTest} sends.
 * {@code ending}: the writer starts the JVM's end itself, waits until the shutdown hook has deleted the half-written
 * folder, and returns, so that the write goes on while the JVM ends; a hook of its own holds the JVM until the write
 * has returned or thrown (bounded), which a real JVM would not wait for, to see what the write does then.
 */
public final class WholeFolderWritingMain {

  private WholeFolderWritingMain() {}

  public static void main(String[] args) throws Exception {
    boolean ending = args[1].equals("ending");
    CountDownLatch returned = new CountDownLatch(1);
    if (ending) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> await(returned, 10_000)));
    }
    try {
      WholeFolder.write(Path.of(args[0]), folder -> {
        Files.writeString(folder.resolve("comparison.json"), "{}");
        if (ending) {
          new Thread(() -> System.exit(143)).start();
          for (int waited = 0; Files.exists(folder) && waited < 10_000; waited += 10) {
            pause(10);
          }
        } else {
          System.out.println("writing");
          System.out.flush();
          pause(30_000);
        }
        return folder;
      });
    } finally {
      returned.countDown();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
