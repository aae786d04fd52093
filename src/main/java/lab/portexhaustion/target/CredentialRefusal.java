package lab.portexhaustion.target;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import java.util.Optional;
import lab.portexhaustion.failure.ErrorClassifier;

/** A server that turned a client's credentials down, found in a failure's causes, and its reason in words without the user. */
public final class CredentialRefusal {

  private CredentialRefusal() {}

  /**
   * Why the server turned the credentials down, where {@code failure} is such a refusal: the server's own reason where it
   * gave one ({@code saslStart}'s error), else the driver's cause; never the exception's own message, which names the user.
   */
  public static Optional<String> why(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MongoSecurityException security) {
        return Optional.of(reason(security));
      }
    }
    return Optional.empty();
  }

  private static String reason(MongoSecurityException security) {
    for (Throwable t = security.getCause(); t != null; t = t.getCause()) {
      if (t instanceof MongoCommandException command) {
        return "the server said: error " + command.getErrorCode() + " " + command.getErrorCodeName() + ", " + command.getErrorMessage();
      }
    }
    Throwable cause = security.getCause();
    return cause == null ? "authentication failed" : ErrorClassifier.classify(cause).message();
  }
}
