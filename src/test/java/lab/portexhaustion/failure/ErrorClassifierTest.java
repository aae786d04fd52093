package lab.portexhaustion.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import lab.portexhaustion.sockets.ClosedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ErrorClassifierTest {

  @ParameterizedTest(name = "{0}: {1}: {2}")
  @CsvFileSource(resources = "/fixtures/exception-texts.csv", delimiter = '|', lineSeparator = "\n")
  void classifiesTheJdkTextOfEachOs(String os, String exceptionClass, String message, ErrorKind kind, String code) throws Exception {
    Throwable exception = (Throwable) Class.forName(exceptionClass).getConstructor(String.class).newInstance(message);

    ClassifiedError error = ErrorClassifier.classify(exception);

    assertThat(error.kind()).isEqualTo(kind);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.rawClass()).isEqualTo(exceptionClass);
  }

  @Test
  void normalisedMessageNamesTheErrnoAndItsMeaning() {
    assertThat(ErrorClassifier.classify(new BindException("Cannot assign requested address")).message())
        .isEqualTo("EADDRNOTAVAIL Cannot assign requested address");
    assertThat(ErrorClassifier.classify(new java.net.SocketException("No buffer space available (maximum connections reached?): connect")).message())
        .isEqualTo("WSAENOBUFS No buffer space available");
  }

  @Test
  void findsTheSocketErrorTheDriverAttachedAsSuppressedToItsTimeout() {
    MongoTimeoutException timeout = new MongoTimeoutException(
        "Timed out while waiting for a server that matches WritableServerSelector. Client view of cluster state is"
            + " {type=UNKNOWN, servers=[{address=127.0.0.1:27017, type=UNKNOWN, state=CONNECTING,"
            + " exception={com.mongodb.MongoSocketOpenException: Exception opening socket},"
            + " caused by {java.net.BindException: Cannot assign requested address}}]");
    timeout.addSuppressed(new MongoSocketOpenException("Exception opening socket", new ServerAddress("127.0.0.1", 27017),
        new BindException("Cannot assign requested address")));

    ClassifiedError error = ErrorClassifier.classify(timeout);

    assertThat(error.kind()).isEqualTo(ErrorKind.EPHEMERAL_PORTS);
    assertThat(error.rawClass()).isEqualTo("java.net.BindException");
  }

  @Test
  void aTimeoutWhoseTextMentionsTheSocketErrorIsStillOnlyATimeout() {
    MongoTimeoutException timeout = new MongoTimeoutException("... caused by {java.net.BindException: Cannot assign requested address}");

    ClassifiedError error = ErrorClassifier.classify(timeout);

    assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(error.message()).isEqualTo("timeout: server selection");
  }

  @Test
  void readsTheCauseChainOfDriverExceptions() {
    MongoSocketOpenException open = new MongoSocketOpenException("Exception opening socket", new ServerAddress(),
        new ConnectException("Connection refused"));
    assertThat(ErrorClassifier.classify(open).code()).isEqualTo("ECONNREFUSED");
    assertThat(ErrorClassifier.classify(new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress())).kind())
        .isEqualTo(ErrorKind.SERVER_REFUSED);
  }

  @Test
  void aFullWorkerQueueIsTheHarnessNotTheTarget() {
    assertThat(ErrorClassifier.classify(new RejectedExecutionException("queue full")).kind()).isEqualTo(ErrorKind.HARNESS_SATURATED);
  }

  @Test
  void unknownFailuresKeepTheirClassAndAShortMessage() {
    ClassifiedError error = ErrorClassifier.classify(new IllegalArgumentException("x".repeat(500)));

    assertThat(error.kind()).isEqualTo(ErrorKind.OTHER);
    assertThat(error.message()).startsWith("IllegalArgumentException: xxx").hasSizeLessThanOrEqualTo(160);
  }

  @Test
  void aCheckOfTheSimulationsIsItsOwnKindWhereverItIsWrapped() {
    CheckFailure check = new CheckFailure("read session", "count is 1, got 0") {};

    ClassifiedError error = ErrorClassifier.classify(new CompletionException(check));

    assertThat(error.kind()).isEqualTo(ErrorKind.CHECK_FAILED);
    assertThat(error.kind().isExhaustion()).isFalse();
    assertThat(error.reportText()).isEqualTo("check failed: read session: count is 1, got 0");
  }

  @Test
  void aSocketErrorBesideACheckStillWins() {
    CompletionException failed = new CompletionException(new CheckFailure("read session", "count is 1, got 0") {});
    failed.addSuppressed(new ConnectException("Connection refused"));

    assertThat(ErrorClassifier.classify(failed).kind()).isEqualTo(ErrorKind.SERVER_REFUSED);
  }

  @Test
  void classifiesARealRefusedConnectionFromTheKernel() throws Exception {
    Throwable refused;
    try (ClosedPort closed = ClosedPort.held()) {
      refused = catchThrowable(() -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", closed.port()), 1000);
        }
      });
    }

    assertThat(refused).isInstanceOf(ConnectException.class);
    assertThat(ErrorClassifier.classify(refused).kind()).isEqualTo(ErrorKind.SERVER_REFUSED);
  }
}
