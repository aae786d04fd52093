package lab.portexhaustion.embedded;

/**
 * The embedded server's first failed {@code accept}.
 *
 * @param epochMillis when it failed
 * @param error the error as the JDK gave it, e.g. {@code java.io.IOException: Too many open files}
 */
public record AcceptFailure(long epochMillis, String error) implements ServerReport {

  /** The error's message without its class name: {@code Too many open files}. */
  public String message() {
    int colon = error.indexOf(": ");
    return colon < 0 ? error : error.substring(colon + 2);
  }
}
