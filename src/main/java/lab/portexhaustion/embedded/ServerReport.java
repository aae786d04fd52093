package lab.portexhaustion.embedded;

import java.util.Optional;

/**
 * What the embedded server process tells the process that started it, one line of its standard output per message, and
 * the one place that writes and reads those lines. A line is a keyword and its fields, separated by single spaces; a
 * field that may hold spaces (an error's text, an address) comes last and takes the rest of the line.
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

  /** The message as one line, without its line end. */
  static String format(ServerReport report) {
    if (report instanceof ServerReady r) {
      return line(READY, r.port(), r.pid(), r.descriptorLimit(), r.connectionCap());
    }
    if (report instanceof ServerStatus s) {
      return line(STATUS, s.descriptorsOpen(), s.descriptorsMax(), s.openConnections(), s.refusedConnections(), s.acceptFailures(),
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
          long[] f = numbers(rest, 4);
          yield new ServerReady(Math.toIntExact(f[0]), f[1], f[2], Math.toIntExact(f[3]));
        }
        case STATUS -> {
          long[] f = numbers(rest, 6);
          yield new ServerStatus(f[0], f[1], Math.toIntExact(f[2]), f[3], f[4], f[5]);
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

  /** Exactly {@code count} whole numbers, or NumberFormatException. */
  private static long[] numbers(String fields, int count) {
    String[] f = fields.split(" ", -1);
    if (f.length != count) {
      throw new NumberFormatException(count + " numbers expected, got '" + fields + "'");
    }
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = Long.parseLong(f[i]);
    }
    return values;
  }

  private static String oneLine(String text) {
    return text.replace('\r', ' ').replace('\n', ' ');
  }
}
