package lab.portexhaustion.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the password of a MongoDB connection string out of anything printed or written. Works on
 * the raw text so that it also covers strings the driver refused to parse.
 */
public final class UriRedaction {

  public static final String MASK = "****";
  private static final Pattern USER_INFO = Pattern.compile("^(mongodb(?:\\+srv)?://)([^@/]*?):([^@/]*)@(.*)$", Pattern.DOTALL);

  private UriRedaction() {}

  /** The connection string with its password replaced by {@value #MASK}. */
  public static String redact(String uri) {
    Matcher m = USER_INFO.matcher(uri);
    return m.matches() ? m.group(1) + m.group(2) + ":" + MASK + "@" + m.group(4) : uri;
  }

  /** {@code text} with every occurrence of the password in {@code uri} masked (raw and URL-decoded). */
  public static String scrub(String text, String uri) {
    Optional<String> password = password(uri);
    if (password.isEmpty() || text == null) {
      return text;
    }
    String result = text.replace(password.get(), MASK);
    String decoded = java.net.URLDecoder.decode(password.get(), java.nio.charset.StandardCharsets.UTF_8);
    return decoded.isEmpty() ? result : result.replace(decoded, MASK);
  }

  static Optional<String> password(String uri) {
    Matcher m = USER_INFO.matcher(uri);
    return m.matches() && !m.group(3).isEmpty() ? Optional.of(m.group(3)) : Optional.empty();
  }
}
