package lab.portexhaustion.target;

/** The target cannot be started or reached; the message is a paragraph that says how to proceed. */
public final class TargetUnavailableException extends RuntimeException {

  public TargetUnavailableException(String paragraph) {
    super(paragraph);
  }
}
