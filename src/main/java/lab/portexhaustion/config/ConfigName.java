package lab.portexhaustion.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum constant that is spelled in settings files by a lower-case name such as {@code client-per-request}. */
public interface ConfigName {

  String configName();

  static <E extends Enum<E> & ConfigName> Optional<E> parse(Class<E> type, String text) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.configName().equals(text)).findFirst();
  }

  static <E extends Enum<E> & ConfigName> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(ConfigName::configName).collect(Collectors.joining(" | "));
  }
}
