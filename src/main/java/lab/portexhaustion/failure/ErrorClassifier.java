package lab.portexhaustion.failure;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.unix.Errors;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * Classifies a failed request from the exception object: its class first, then the errno text
 * the JDK put in its message. Message text alone is never trusted: a server error that merely
 * quotes "Too many open files" is not our descriptor exhaustion.
 *
 * <p>The whole graph is searched (causes and suppressed exceptions), and the most specific
 * finding wins: exhaustion over refusal over timeout. Strategies attach the socket error the
 * MongoDB driver only reports through its listeners as a suppressed exception of the timeout it
 * throws, so it is found here as an object.
 */
public final class ErrorClassifier {

  private static final int MAX_MESSAGE = 160;

  private ErrorClassifier() {}

  public static ClassifiedError classify(Throwable failure) {
    List<ClassifiedError> findings = new ArrayList<>();
    for (Throwable t : graph(failure)) {
      socketLevel(t).ifPresent(findings::add);
    }
    return findings.stream()
        .min((a, b) -> Integer.compare(rank(a.kind()), rank(b.kind())))
        .or(() -> checkFailure(failure))
        .orElseGet(() -> other(failure));
  }

  /** A check of the simulation's that did not hold, wherever it is in the graph: the target was there and answered. */
  private static Optional<ClassifiedError> checkFailure(Throwable failure) {
    return graph(failure).stream().filter(CheckFailure.class::isInstance).findFirst()
        .flatMap(check -> found(ErrorKind.CHECK_FAILED, "check", check.getMessage(), check));
  }

  private static int rank(ErrorKind kind) {
    return switch (kind) {
      case EPHEMERAL_PORTS, DESCRIPTORS, KERNEL_BUFFERS -> 0;
      case HARNESS_SATURATED -> 1;
      case SERVER_REFUSED -> 2;
      case TIMEOUT -> 3;
      case CHECK_FAILED, OTHER, NOT_BUILT -> 4;
    };
  }

  /**
   * A request the simulation could not build for its virtual user, named with its reason (the mistake's message, which
   * says what was missing): never classified from the exception, which is the simulation's, not a socket's.
   */
  public static ClassifiedError notBuilt(String request, Throwable mistake) {
    return new ClassifiedError(ErrorKind.NOT_BUILT, "not sent", request + ": " + mistake.getMessage(), mistake.getClass().getName(),
        String.valueOf(mistake.getMessage()));
  }

  /** One exception on its own, if its class is one that carries a socket-level condition. */
  static Optional<ClassifiedError> socketLevel(Throwable t) {
    String text = t.getMessage() == null ? "" : t.getMessage();
    if (t instanceof RejectedExecutionException) {
      return found(ErrorKind.HARNESS_SATURATED, "harness", "harness saturated: worker queue full", t);
    }
    if (t instanceof MongoTimeoutException) {
      return found(ErrorKind.TIMEOUT, "timeout", "timeout: server selection", t);
    }
    if (t instanceof ConnectTimeoutException) { // Netty's own, where a blocking socket throws SocketTimeoutException
      return found(ErrorKind.TIMEOUT, "timeout", "timeout: connect", t);
    }
    if (t instanceof MongoSocketReadTimeoutException || t instanceof SocketTimeoutException) {
      boolean connect = text.toLowerCase().contains("connect");
      return found(ErrorKind.TIMEOUT, "timeout", connect ? "timeout: connect" : "timeout: read", t);
    }
    if (t instanceof MongoSocketReadException || t instanceof EOFException) {
      return found(ErrorKind.SERVER_REFUSED, "closed", "closed by server: end of stream before the reply", t);
    }
    if (t instanceof SocketException || isPlainIoException(t)) {
      return fromErrnoText(t, text);
    }
    return Optional.empty();
  }

  /** The JDK reports socket errnos as SocketException (or BindException/ConnectException) with the OS's text. */
  private static Optional<ClassifiedError> fromErrnoText(Throwable t, String text) {
    String lower = text.toLowerCase();
    boolean windowsConnect = lower.endsWith(": connect");
    if (lower.contains("maximum connections reached")) {
      return found(ErrorKind.EPHEMERAL_PORTS, "WSAENOBUFS", "WSAENOBUFS No buffer space available", t);
    }
    if (lower.contains("no buffer space available")) {
      return found(ErrorKind.KERNEL_BUFFERS, "ENOBUFS", "ENOBUFS No buffer space available", t);
    }
    if (lower.contains("assign requested address")) { // Linux "Cannot", macOS "Can't"
      return found(ErrorKind.EPHEMERAL_PORTS, "EADDRNOTAVAIL", "EADDRNOTAVAIL Cannot assign requested address", t);
    }
    if (t instanceof BindException && lower.contains("address already in use")) {
      String code = windowsConnect ? "WSAEADDRINUSE" : "EADDRINUSE";
      return found(ErrorKind.EPHEMERAL_PORTS, code, code + " Address already in use", t);
    }
    if (lower.contains("too many open files in system")) {
      return found(ErrorKind.DESCRIPTORS, "ENFILE", "ENFILE Too many open files in system", t);
    }
    if (lower.contains("too many open files")) {
      return found(ErrorKind.DESCRIPTORS, "EMFILE", "EMFILE Too many open files", t);
    }
    if (t instanceof ConnectException && lower.contains("refused")) {
      String code = windowsConnect ? "WSAECONNREFUSED" : "ECONNREFUSED";
      return found(ErrorKind.SERVER_REFUSED, code, code + " Connection refused", t);
    }
    if (lower.contains("connection reset") || lower.contains("connection was aborted") || lower.contains("forcibly closed")) {
      return found(ErrorKind.SERVER_REFUSED, "ECONNRESET", "ECONNRESET Connection reset by server", t);
    }
    if (lower.contains("broken pipe")) {
      return found(ErrorKind.SERVER_REFUSED, "EPIPE", "EPIPE Broken pipe: server closed the connection", t);
    }
    return Optional.empty();
  }

  /**
   * Descriptor exhaustion at accept/open time surfaces as a bare IOException, not a SocketException; Netty's native
   * transports (epoll, io_uring) raise every socket errno but a connect's as their own IOException, with the OS's text
   * (EMFILE making a channel, ECONNRESET on a read, EPIPE on a write).
   */
  private static boolean isPlainIoException(Throwable t) {
    return t.getClass() == IOException.class || t instanceof Errors.NativeIoException;
  }

  private static Optional<ClassifiedError> found(ErrorKind kind, String code, String message, Throwable t) {
    return Optional.of(new ClassifiedError(kind, code, message, t.getClass().getName(), String.valueOf(t.getMessage())));
  }

  private static ClassifiedError other(Throwable failure) {
    String text = failure.getMessage() == null ? "" : ": " + failure.getMessage().replaceAll("\\s+", " ");
    String message = failure.getClass().getSimpleName() + text;
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE - 1) + "…";
    }
    return new ClassifiedError(ErrorKind.OTHER, "other", message, failure.getClass().getName(), String.valueOf(failure.getMessage()));
  }

  /** Every throwable reachable through causes and suppressed exceptions, each once. */
  private static List<Throwable> graph(Throwable root) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> ordered = new ArrayList<>();
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.add(root);
    while (!pending.isEmpty()) {
      Throwable t = pending.poll();
      if (t == null || !seen.add(t)) {
        continue;
      }
      ordered.add(t);
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      pending.addAll(List.of(t.getSuppressed()));
    }
    return ordered;
  }
}
