package lab.portexhaustion.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a merged {@link Config}, collecting one readable paragraph per
 * wrong value instead of stopping at the first, so a user fixes everything in one go.
 */
final class SettingsReader {

  private static final Pattern BARE_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

  private final Config config;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> refusedKeys = new HashSet<>();

  SettingsReader(Config config) {
    this.config = config;
  }

  List<String> problems() {
    return problems;
  }

  /**
   * Whether any of {@code keys} has already been refused on its own: a rule that builds on such a value (a range
   * within a range, two settings together) says nothing more, as its paragraph would repeat or quote a value the
   * user has just been told to change.
   */
  boolean refused(String... keys) {
    return Arrays.stream(keys).anyMatch(refusedKeys::contains);
  }

  String text(String key) {
    try {
      return config.getString(key);
    } catch (ConfigException.WrongType e) {
      reject(key, "a text value");
      return "";
    }
  }

  <E extends Enum<E> & ConfigName> E choice(String key, Class<E> type, E fallback) {
    String value = text(key);
    Optional<E> parsed = ConfigName.parse(type, value);
    if (parsed.isEmpty()) {
      reject(key, "one of " + ConfigName.allowed(type));
    }
    return parsed.orElse(fallback);
  }

  double number(String key, double min, String meaning) {
    return number(key, min, Double.MAX_VALUE, meaning);
  }

  double number(String key, double min, double max, String meaning) {
    try {
      double value = config.getDouble(key);
      if (value < min || value > max || Double.isNaN(value) || Double.isInfinite(value)) {
        reject(key, meaning);
      }
      return value;
    } catch (ConfigException.WrongType e) {
      reject(key, meaning);
      return min;
    }
  }

  int integer(String key, int min, int max, String meaning) {
    try {
      // getInt drops a fraction (1.5 reads as 1): a whole-number setting refuses one instead.
      double number = config.getNumber(key).doubleValue();
      int value = config.getInt(key);
      if (number != Math.rint(number) || value < min || value > max) {
        reject(key, meaning);
      }
      return value;
    } catch (ConfigException.WrongType e) {
      reject(key, meaning);
      return min;
    }
  }

  Duration duration(String key, Duration min, String meaning) {
    return duration(key, min, ChronoUnit.FOREVER.getDuration(), meaning);
  }

  Duration duration(String key, Duration min, Duration max, String meaning) {
    Optional<String> bare = bareNumber(key);
    if (bare.isPresent()) {
      String millis = new BigDecimal(bare.get()).movePointRight(3).stripTrailingZeros().toPlainString();
      refusedKeys.add(key);
      problems.add("Setting '" + key + "' has the value '" + bare.get() + "', a number without a unit: say " + bare.get() + "s or "
          + millis + "ms (it must be " + meaning + ")" + setBy(key) + ". " + fix(key));
      return min;
    }
    try {
      Duration value = config.getDuration(key);
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        reject(key, meaning);
      }
      return value;
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      reject(key, meaning + " (a duration such as 500ms, 20s or 2m)");
      return min;
    }
  }

  /**
   * The value of {@code key} when it is a plain number. Typesafe Config would read it as milliseconds, which nobody
   * means by {@code load.rampTime=5}: refused, not guessed.
   */
  private Optional<String> bareNumber(String key) {
    ConfigValue value = config.getValue(key);
    String text = String.valueOf(value.unwrapped()).trim();
    boolean number = value.valueType() == ConfigValueType.NUMBER || BARE_NUMBER.matcher(text).matches();
    return number ? Optional.of(text) : Optional.empty();
  }

  /** Records a problem that involves more than one key or a value already read. */
  void problem(String paragraph) {
    problems.add(paragraph);
  }

  void reject(String key, String allowed) {
    refusedKeys.add(key);
    problems.add("Setting '" + key + "' has the value '" + rendered(key) + "'" + setBy(key) + ", but it must be " + allowed
        + ". " + fix(key));
  }

  /**
   * " (set by OrdersSimulation's MongoDsl protocol)" where the simulation's own protocol gave the value ({@code .load(...)},
   * {@code .pooled(...)}), so that a user does not look for it in a settings file; empty where a setting gave it.
   */
  String setBy(String key) {
    return protocolOrigin(key).map(origin -> " (set by " + origin + ")").orElse("");
  }

  /** "OrdersSimulation's MongoDsl protocol" where the simulation's own protocol gave {@code key}'s value; empty otherwise. */
  Optional<String> protocolOrigin(String key) {
    if (!config.hasPath(key)) {
      return Optional.empty();
    }
    String origin = config.getValue(key).origin().description();
    return origin.contains(SettingsLayers.PROTOCOL_ORIGIN) ? Optional.of(origin) : Optional.empty();
  }

  private String fix(String key) {
    String override = "harness.conf or on the command line with -D" + key + "=<value>.";
    return setBy(key).isEmpty() ? "Fix it in " + override : "Fix it in the simulation, or override it in " + override;
  }

  /** The value of {@code key} as a refusal quotes it; a connection string given to the wrong key redacted as one whole. */
  private String rendered(String key) {
    ConfigValue value = config.getValue(key);
    String text = String.valueOf(value.unwrapped());
    return value.valueType() == ConfigValueType.NUMBER ? NumberText.of(text) : UriRedaction.redactValue(text);
  }
}
