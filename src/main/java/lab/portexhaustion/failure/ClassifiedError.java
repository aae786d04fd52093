package lab.portexhaustion.failure;

/**
 * A failed request, classified.
 *
 * @param kind what ran out or went wrong
 * @param code errno-style code such as {@code EADDRNOTAVAIL} or {@code WSAENOBUFS}, or a short tag such as {@code timeout}
 * @param message the short normalised text shown in Gatling's report, e.g. {@code EADDRNOTAVAIL Cannot assign requested address}
 * @param rawClass class of the exception the classification was taken from
 * @param rawMessage that exception's own message
 */
public record ClassifiedError(ErrorKind kind, String code, String message, String rawClass, String rawMessage) {

  /** The KO message shown in Gatling's report: the kind, then the normalised message. */
  public String reportText() {
    return message.startsWith(kind.label()) ? message : kind.label() + ": " + message;
  }
}
