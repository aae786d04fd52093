package lab.portexhaustion.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum constant as spelled in settings: its name in lower case with dashes, such as
 * {@code client-per-request} for {@code CLIENT_PER_REQUEST}.
 */
public interface ConfigName {

  String name();

  default String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E> & ConfigName> Optional<E> parse(Class<E> type, String text) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.configName().equals(text)).findFirst();
  }

  static <E extends Enum<E> & ConfigName> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(ConfigName::configName).collect(Collectors.joining(" | "));
  }
}
