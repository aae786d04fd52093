package lab.portexhaustion.run;

import java.nio.file.Path;

/**
 * Checks the folder given and prints what came of it on one line: "refused: <paragraph>" or "writable". Run by
 * {@link ResultsFolderCheckTest} in a mount namespace, on a file system filled there.
 */
public final class ResultsFolderCheckMain {

  private ResultsFolderCheckMain() {}

  public static void main(String[] args) {
    System.out.println(ResultsFolderCheck.whyNotWritable(Path.of(args[0])).map(why -> "refused: " + why).orElse("writable"));
  }
}
