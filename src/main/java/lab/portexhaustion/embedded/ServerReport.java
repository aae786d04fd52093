package lab.portexhaustion.embedded;

import java.util.Optional;

/**
 * What the embedded server process tells the process that started it, one line of its standard output per message, and
 * the one place that writes and reads those lines. A line is a keyword and its fields, separated by single spaces; a
 * field that may hold spaces (an error's text, an address) comes last and takes the rest of the line. A count the
 * server's OS does not keep (descriptors on Windows) is written {@value #UNKNOWN}.
 *
 * <pre>
 * READY &lt;port&gt; &lt;pid&gt; &lt;descriptor limit&gt; &lt;connection cap, 0 for none&gt;
 * STATUS &lt;descriptors open&gt; &lt;descriptor limit&gt; &lt;open connections&gt; &lt;refused&gt; &lt;failed accepts&gt; &lt;idle-closed&gt;
 * ACCEPT_FAILED &lt;epoch ms&gt; &lt;the error&gt;
 * REFUSED_FIRST &lt;epoch ms&gt; &lt;the client's address&gt;
 * </pre>
 *
 * scripts/fleet-run reads two of them itself: the port from {@code READY}, the client from {@code REFUSED_FIRST}.
 */
public sealed interface ServerReport permits ServerReady, ServerStatus, AcceptFailure, RefusedConnection {

  String READY = "READY";
  String STATUS = "STATUS";
  String ACCEPT_FAILED = "ACCEPT_FAILED";
  String REFUSED_FIRST = "REFUSED_FIRST";
  String UNKNOWN = "-";

  /** The message as one line, without its line end. */
  static String format(ServerReport report) {
    if (report instanceof ServerReady r) {
      return line(READY, r.port(), r.pid(), count(r.descriptorLimit()), r.connectionCap());
    }
    if (report instanceof ServerStatus s) {
      return line(STATUS, count(s.descriptorsOpen()), count(s.descriptorsMax()), s.openConnections(), s.refusedConnections(), s.acceptFailures(),
          s.idleClosedConnections());
    }
    if (report instanceof AcceptFailure f) {
      return line(ACCEPT_FAILED, f.epochMillis(), oneLine(f.error()));
    }
    RefusedConnection c = (RefusedConnection) report;
    return line(REFUSED_FIRST, c.epochMillis(), oneLine(c.from()));
  }

  /** The message a line holds; empty for any other line (the server's log) and for one whose fields do not read. */
  static Optional<ServerReport> parse(String line) {
    String[] keyword = line.split(" ", 2);
    String rest = keyword.length > 1 ? keyword[1] : "";
    try {
      return Optional.ofNullable(switch (keyword[0]) {
        case READY -> {
          String[] f = fields(rest, 4);
          yield new ServerReady(Math.toIntExact(Long.parseLong(f[0])), Long.parseLong(f[1]), count(f[2]), Integer.parseInt(f[3]));
        }
        case STATUS -> {
          String[] f = fields(rest, 6);
          yield new ServerStatus(count(f[0]), count(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
              Long.parseLong(f[5]));
        }
        case ACCEPT_FAILED -> {
          String[] f = rest.split(" ", 2);
          yield new AcceptFailure(Long.parseLong(f[0]), f.length > 1 ? f[1] : "");
        }
        case REFUSED_FIRST -> {
          String[] f = rest.split(" ", 2);
          yield new RefusedConnection(Long.parseLong(f[0]), f.length > 1 ? f[1] : "");
        }
        default -> null;
      });
    } catch (NumberFormatException | ArithmeticException notOurs) {
      return Optional.empty();
    }
  }

  private static String line(String keyword, Object... fields) {
    StringBuilder line = new StringBuilder(keyword);
    for (Object field : fields) {
      line.append(' ').append(field);
    }
    return line.toString();
  }

  /** Exactly {@code count} fields, or NumberFormatException. */
  private static String[] fields(String fields, int count) {
    String[] f = fields.split(" ", -1);
    if (f.length != count) {
      throw new NumberFormatException(count + " fields expected, got '" + fields + "'");
    }
    return f;
  }

  private static String count(Optional<Long> count) {
    return count.map(String::valueOf).orElse(UNKNOWN);
  }

  private static Optional<Long> count(String field) {
    return field.equals(UNKNOWN) ? Optional.empty() : Optional.of(Long.parseLong(field));
  }

  private static String oneLine(String text) {
    return text.replace('\r', ' ').replace('\n', ' ');
  }
}
