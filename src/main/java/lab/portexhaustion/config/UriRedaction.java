package lab.portexhaustion.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the secrets of a connection string out of anything printed or written: its password, and the values of the
 * options that hold one (see {@link #isSecretOption}). Works on the raw text, whatever its scheme ({@code mongo://} as
 * well), case, surrounding whitespace or escaping, so that it also covers strings the driver refused to parse.
 *
 * <p>The user information is taken to run to the <em>last</em> {@code @}, not to the first {@code /}: a password with
 * an unescaped {@code /} or {@code @} is then masked whole. The price is that an {@code @} in the options
 * ({@code ?appName=a@b}) masks more than the password; never less.
 */
public final class UriRedaction {

  public static final String MASK = "****";

  private static final String AUTH_MECHANISM_PROPERTIES = "authmechanismproperties";

  private static final String SCHEME_END = "://";
  /** A run of non-blank text with "://" in it: a connection string inside a message. */
  private static final Pattern LOOKS_LIKE_A_URI = Pattern.compile("\\S*" + Pattern.quote(SCHEME_END) + "\\S*");
  /** What opens a quotation of a connection string, and at the same place in {@link #CLOSERS}, what closes it. */
  private static final String OPENERS = "('\"";
  private static final String CLOSERS = ")'\"";
  /** What the driver splits a connection string at, and so may quote apart; a password with one is not echoed in pieces. */
  private static final Pattern SPLITTING_CHARACTER = Pattern.compile("[/?#@:\\s\\[\\],]|%(?![0-9A-Fa-f]{2})");

  private UriRedaction() {}

  /**
   * One connection string with the secret part of its user information, and the value of each secret option, replaced
   * by {@value #MASK}; the user name and the options' names stay.
   */
  public static String redact(String uri) {
    String masked = withoutPassword(uri);
    StringBuilder redacted = new StringBuilder(masked);
    List<SecretValue> values = secretOptionValues(masked);
    for (int i = values.size() - 1; i >= 0; i--) {
      redacted.replace(values.get(i).start(), values.get(i).end(), MASK);
    }
    return redacted.toString();
  }

  /**
   * A setting's value as it may be shown: redacted as one connection string when it holds one ({@code ://}), blanks
   * around it dropped. Not masked as a text: a blank in a password, which the driver takes as written, would end the
   * connection string there and show the rest.
   */
  public static String redactValue(String value) {
    return value.contains(SCHEME_END) ? redact(value.strip()) : value;
  }

  private static String withoutPassword(String uri) {
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
      String run = m.group();
      int end = closedAt(text, m.start(), run);
      m.appendReplacement(masked, Matcher.quoteReplacement(redact(run.substring(0, end)) + run.substring(end)));
    }
    return m.appendTail(masked).toString();
  }

  /**
   * Where the connection string in {@code run} (found at {@code start} of {@code text}) ends: before the last closing
   * character of the run and the punctuation after it when its opening one ({@code (}, {@code '} or {@code "}) comes
   * before its scheme, in the run or just before it; else at the end of the run. The last closing one only: one of the
   * secret's own before it stays part of the secret, and is masked with it.
   */
  private static int closedAt(String text, int start, String run) {
    int scheme = run.indexOf(SCHEME_END);
    int opener = -1;
    for (int i = scheme - 1; i >= 0 && opener < 0; i--) {
      opener = OPENERS.indexOf(run.charAt(i));
    }
    String before = text.substring(0, start).stripTrailing();
    if (opener < 0 && !before.isEmpty()) {
      opener = OPENERS.indexOf(before.charAt(before.length() - 1));
    }
    if (opener < 0) {
      return run.length();
    }
    // After it, punctuation and the other closing characters: "('mongodb://...')." closes at its "'".
    String closer = String.valueOf(CLOSERS.charAt(opener));
    Matcher closing = Pattern.compile(Pattern.quote(closer) + "[.,;:!?" + CLOSERS.replace(closer, "") + "]*$").matcher(run);
    return closing.find(scheme) ? closing.start() : run.length();
  }

  /**
   * {@code text} with every connection string in it redacted and each secret of {@code uri} masked wherever it appears
   * (raw and percent-decoded): for a message about {@code uri} that may quote it in any form. The secrets go first, so
   * that one ending in ')' inside a '(' the message never closes is masked whole, where the text alone would take its
   * ')' for the closing one; all but a secret that would take a piece of a "://" with it, which the masking of the text
   * needs to find the other connection strings.
   */
  public static String scrub(String text, String uri) {
    if (text == null) {
      return null;
    }
    List<String> secrets = secrets(uri);
    String result = text;
    for (String secret : secrets) {
      String replaced = result.replace(secret, MASK);
      if (schemes(replaced) == schemes(result)) {
        result = replaced;
      }
    }
    result = mask(result);
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  private static int schemes(String text) {
    return text.split(Pattern.quote(SCHEME_END), -1).length - 1;
  }

  /**
   * The secrets of {@code uri} as a message may quote them, raw and percent-decoded, longest first (a shorter one may
   * be part of a longer): the password, each secret option's value and, for {@code authMechanismProperties}, each
   * property's value on its own (the driver quotes a property it cannot read, {@code 'x' is not a key value pair}).
   */
  static List<String> secrets(String uri) {
    List<String> raw = new ArrayList<>();
    password(uri).ifPresent(raw::add);
    String masked = withoutPassword(uri);
    for (SecretValue value : secretOptionValues(masked)) {
      String text = masked.substring(value.start(), value.end());
      raw.add(text);
      if (value.option().equals(AUTH_MECHANISM_PROPERTIES)) {
        for (String property : text.split(",")) {
          raw.add(property.substring(property.indexOf(':') + 1));
        }
      }
    }
    List<String> secrets = new ArrayList<>();
    for (String secret : raw) {
      secrets.add(secret);
      secrets.add(decoded(secret));
    }
    return secrets.stream().filter(s -> !s.isEmpty()).distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
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

  /**
   * Whether the option {@code name} holds a secret, its name compared as the driver compares it (whatever its case),
   * after percent-decoding (more masked, never less):
   * <ul>
   *   <li>every option with "password" in its name: {@code tlsCertificateKeyFilePassword}, the older
   *       {@code sslClientCertificateKeyPassword}, the Java driver's {@code proxyPassword};
   *   <li>{@code authMechanismProperties}, its whole value: {@code AWS_SESSION_TOKEN} is a secret, and a property's
   *       value may hold a {@code ,} or a {@code :} of its own, so no split into keys and values could be trusted to
   *       show only the keys. The mechanism itself ({@code authMechanism}) stays visible.
   * </ul>
   */
  private static boolean isSecretOption(String name) {
    String option = optionName(name);
    return option.contains("password") || option.equals(AUTH_MECHANISM_PROPERTIES);
  }

  private static String optionName(String name) {
    return decoded(name).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Where the non-empty values of the secret options of {@code uri} are, in order. The options begin at the first
   * {@code ?} (as the driver reads them); a value runs to the next {@code &} or {@code ;}. A piece with no {@code =}
   * right after a secret value is taken as more of it: an unescaped {@code &} in a password, which the driver would
   * quote as an option of its own.
   */
  private static List<SecretValue> secretOptionValues(String uri) {
    List<SecretValue> values = new ArrayList<>();
    int options = uri.indexOf('?');
    if (options < 0) {
      return values;
    }
    String secretOption = null;
    for (int start = options + 1; start <= uri.length(); ) {
      int end = nextOptionSeparator(uri, start);
      String piece = uri.substring(start, end);
      int equals = piece.indexOf('=');
      if (equals >= 0) {
        String name = piece.substring(0, equals);
        secretOption = isSecretOption(name) ? optionName(name) : null;
        if (secretOption != null && equals + 1 < piece.length()) {
          values.add(new SecretValue(secretOption, start + equals + 1, end));
        }
      } else if (secretOption != null && !piece.isEmpty()) {
        values.add(new SecretValue(secretOption, start, end));
      }
      start = end + 1;
    }
    return values;
  }

  /** A secret option's value: the option's name in lower case, and where the value is. */
  private record SecretValue(String option, int start, int end) {}

  private static int nextOptionSeparator(String uri, int from) {
    int separator = firstOf(uri.substring(from), '&', ';');
    return separator < 0 ? uri.length() : from + separator;
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
