package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import com.mongodb.MongoTimeoutException;
import java.util.Optional;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.config.UriRedaction;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.failure.ErrorClassifier;

/**
 * The paragraph a failed probe stops the run with: what the target did (refused, closed, did not answer in time, turned
 * the credentials down, answered with an error), in the words of the classified failure, and the advice that fits that
 * and the kind of target. Credentials never appear: the connection is the masked one, the driver's text is scrubbed.
 */
final class ProbeFailure {

  private ProbeFailure() {}

  /**
   * @param failure the probe's failure, with the socket error its monitor met attached
   * @param embedded the embedded server's limits (none set for another target)
   * @param connection the connection string the probe used, whose password is scrubbed from the driver's text
   */
  static String paragraph(TargetDescription target, RuntimeException failure, ProbeTimeout timeout, ServerLimits embedded,
      ConnectionString connection) {
    String connectionString = connection.getConnectionString();
    String subject = "The " + target.kind() + " target " + target.connection();
    Optional<String> credentials = CredentialRefusal.why(failure);
    if (credentials.isPresent()) {
      String why = UriRedaction.scrub(credentials.get(), connectionString);
      return subject + " turned down the credentials in 'uri' (" + why + "), so no load was sent. Check the user name, the password"
          + " and authSource in 'uri', or leave the credentials out for a server without authentication.";
    }
    boolean embeddedTarget = target.kind().equals("embedded");
    // A TLS mismatch looks like something else: a server without TLS waits for the rest of a request it reads from the
    // handshake, and one that takes TLS alone closes a plain connection.
    boolean tls = Boolean.TRUE.equals(connection.getSslEnabled());
    String elsewhere = embeddedTarget ? "" : ", or run against the built-in server with -Dtarget=embedded";
    Optional<NameLookupFailure.Lookup> lookup = NameLookupFailure.in(failure);
    if (lookup.isPresent()) {
      return subject + nameNotResolved(lookup.get(), connection, elsewhere);
    }
    ClassifiedError error = ErrorClassifier.classify(failure);
    String why = UriRedaction.scrub(error.message(), connectionString);
    // Server selection gives up only after the whole timeout: the server's refusals went on for all of it.
    String throughout = failure instanceof MongoTimeoutException ? " throughout the probe's wait of " + timeout.text() : "";
    String closedAdvice = embeddedTarget ? embeddedClosedAdvice(embedded)
        : " A server at its connection limit, or a proxy or firewall between, closes connections so: check the server's log."
            + (tls ? "" : " A server that takes TLS connections alone closes a plain one so too: add tls=true to 'uri' for such a server.");
    return subject + switch (error.kind()) {
      case TIMEOUT -> " did not answer within " + timeout.text() + " (" + why + "), so no load was sent. Check that the server runs"
          + " and is reachable from this machine (a firewall that drops packets leaves a connection waiting), give it longer with"
          + " -Dtimeouts.serverSelection" + elsewhere + "."
          + (tls ? " With tls=true in 'uri', a server without TLS never answers the handshake: leave tls out for such a server." : "");
      case SERVER_REFUSED -> error.code().equals("ECONNREFUSED")
          ? " refused the connection (" + why + ")" + throughout + ", so no load was sent. " + nothingListens(target, connection,
              embeddedTarget, elsewhere)
          : " closed the connection before it answered (" + why + ")" + throughout + ", so no load was sent." + closedAdvice;
      case EPHEMERAL_PORTS, DESCRIPTORS, KERNEL_BUFFERS -> " could not be connected to: this machine ran out of " + error.kind().label()
          + " before the load began (" + why + "), so no load was sent. Let an earlier run's connections close (TIME_WAIT ends after"
          + " its time) or raise this machine's limit, then run again.";
      case HARNESS_SATURATED, CHECK_FAILED, OTHER, NOT_BUILT -> " answered the probe with an error (" + why + "), so no load was sent. Check that it is a"
          + " MongoDB server and that the user in 'uri', if any, may run buildInfo" + elsewhere + ".";
    };
  }

  /** A name that never became an address: no server was asked, so neither waiting longer nor the server's log helps. */
  private static String nameNotResolved(NameLookupFailure.Lookup lookup, ConnectionString connection, String elsewhere) {
    // A mongodb+srv:// string holds the one name whose SRV record is looked up.
    String host = lookup.host().orElse(connection.getHosts().get(0));
    String name = (lookup.srv() ? "SRV record for " : "address for ") + host;
    String detail = lookup.detail().map(d -> " (" + UriRedaction.scrub(d, connection.getConnectionString()) + ")").orElse("");
    if (!lookup.notFound()) {
      return ": the " + name + " could not be looked up" + detail + ", so no load was sent. Check that this machine's DNS server"
          + " answers, and the host name in 'uri'" + elsewhere + ".";
    }
    String advice = lookup.srv() ? " (a mongodb+srv:// name is the cluster's, as its provider gives it)" : "";
    return " was not found: DNS has no " + name + detail + ", so no load was sent. Check the host"
        + " name in 'uri'" + advice + elsewhere + ".";
  }

  /**
   * Where nothing listens: the proxy, where the connection string names one ({@code proxyHost}), as the driver connects to
   * it and not to the server; else the server's address.
   */
  private static String nothingListens(TargetDescription target, ConnectionString connection, boolean embeddedTarget, String elsewhere) {
    if (embeddedTarget) {
      return "Nothing listens on " + target.address() + ": the embedded server's process no longer does (its lines above say why).";
    }
    if (connection.getProxyHost() != null) {
      return "Nothing listens on the proxy at " + connection.getProxyHost() + ":" + Optional.ofNullable(connection.getProxyPort()).orElse(1080)
          + " ('proxyHost' in 'uri'), through which the driver connects: check that the proxy runs there.";
    }
    return "Nothing listens on " + target.address() + ": check that the server runs there" + elsewhere + ".";
  }

  /** What the embedded server's own settings can do to a connection, when they are set; nothing it should do else. */
  private static String embeddedClosedAdvice(ServerLimits limits) {
    if (!limits.any()) {
      return " None of the embedded server's limits is set: its lines above may say why.";
    }
    return " The embedded server closes connections by its limits (" + limits.describe() + "): one of embedded.idleTimeout,"
        + " embedded.maxIncomingConnections or embedded.maxDescriptors is too low for the probe (2 connections, each open while it"
        + " asks); raise it, or set it to 0.";
  }
}
