package lab.portexhaustion.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the password of a connection string out of anything printed or written. Works on the raw text, whatever its
 * scheme ({@code mongo://} as well), case, surrounding whitespace or escaping, so that it also covers strings the driver
 * refused to parse.
 *
 * <p>The user information is taken to run to the <em>last</em> {@code @}, not to the first {@code /}: a password with
 * an unescaped {@code /} or {@code @} is then masked whole. The price is that an {@code @} in the options
 * ({@code ?appName=a@b}) masks more than the password; never less.
 */
public final class UriRedaction {

  public static final String MASK = "****";

  private static final String SCHEME_END = "://";
  /** A run of non-blank text with "://" in it: a connection string inside a message. */
  private static final Pattern LOOKS_LIKE_A_URI = Pattern.compile("\\S*" + Pattern.quote(SCHEME_END) + "\\S*");
  /** What the driver splits a connection string at, and so may quote apart; a password with one is not echoed in pieces. */
  private static final Pattern SPLITTING_CHARACTER = Pattern.compile("[/?#@:\\s\\[\\],]|%(?![0-9A-Fa-f]{2})");

  private UriRedaction() {}

  /** One connection string with the secret part of its user information replaced by {@value #MASK}. */
  public static String redact(String uri) {
    return parts(uri).map(p -> uri.substring(0, p.userStart) + p.user + ":" + MASK + uri.substring(p.at)).orElse(uri);
  }

  /** {@code text} with every connection string in it (a run of non-blank text with {@code ://}) redacted. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = LOOKS_LIKE_A_URI.matcher(text);
    StringBuilder masked = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(masked, Matcher.quoteReplacement(redact(m.group())));
    }
    return m.appendTail(masked).toString();
  }

  /**
   * {@code text} with every connection string in it redacted and the password of {@code uri} masked wherever it
   * appears (raw and percent-decoded): for a message about {@code uri} that may quote it in any form.
   */
  public static String scrub(String text, String uri) {
    String result = mask(text);
    Optional<String> password = password(uri);
    if (password.isEmpty() || result == null) {
      return result;
    }
    result = result.replace(password.get(), MASK);
    String decoded = decoded(password.get());
    return decoded.isEmpty() ? result : result.replace(decoded, MASK);
  }

  /**
   * Whether a message about {@code uri} may hold a piece of its password that no masking can recognise: the password
   * has a character the driver splits a connection string at (an unescaped {@code / ? # @ :}, a blank, a bracket, a
   * comma, a stray {@code %}), so the driver may quote the part before it as a host or a port.
   */
  public static boolean passwordMayBeQuotedInPieces(String uri) {
    return password(uri).map(p -> SPLITTING_CHARACTER.matcher(p).find()).orElse(false);
  }

  /**
   * Whether {@code uri} has an {@code @} between its first {@code /} and its options: a {@code /} in the password that
   * is not percent-encoded. The driver would read the text before that {@code /} as a host and a port (showing a piece
   * of the password as an address) and the rest as the database.
   */
  public static boolean hasUnescapedSlashInUserInfo(String uri) {
    int scheme = uri.indexOf(SCHEME_END);
    int slash = uri.indexOf('/', scheme < 0 ? 0 : scheme + SCHEME_END.length());
    if (slash < 0) {
      return false;
    }
    int options = uri.indexOf('?', slash);
    return uri.substring(slash, options < 0 ? uri.length() : options).contains("@");
  }

  static Optional<String> password(String uri) {
    return parts(uri).map(p -> uri.substring(p.passwordStart, p.at)).filter(p -> !p.isEmpty());
  }

  /** Where the parts of the user information are, or empty when there is no secret to mask (no {@code @}, or a user alone). */
  private static Optional<Parts> parts(String uri) {
    int at = uri.lastIndexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    int scheme = uri.indexOf(SCHEME_END);
    int userStart = scheme >= 0 && scheme < at ? scheme + SCHEME_END.length() : leadingBlanks(uri);
    String userInfo = uri.substring(userStart, at);
    int userEnd = firstOf(userInfo, ':', '@');
    if (userEnd < 0) {
      return Optional.empty();
    }
    return Optional.of(new Parts(userStart, userInfo.substring(0, userEnd), userStart + userEnd + 1, at));
  }

  /**
   * @param userStart where the user information begins
   * @param user the user name, shown
   * @param passwordStart where the rest of the user information begins, all of it masked
   * @param at where the last {@code @} is
   */
  private record Parts(int userStart, String user, int passwordStart, int at) {}

  private static int leadingBlanks(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int firstOf(String text, char a, char b) {
    int i = text.indexOf(a);
    int j = text.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  /** The password as the driver would read it; as written when it is not valid percent-encoding. */
  private static String decoded(String password) {
    try {
      return URLDecoder.decode(password, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return password;
    }
  }
}
