package lab.portexhaustion.config;

import java.math.BigDecimal;

/**
 * A number setting's value as one text whatever gave it: a simulation's protocol gives a {@code double} (100.0), the
 * defaults and a settings file an {@code int} (100), {@code -D} a string ("100", "1e2"). Two runs with the same value
 * then show the same text, and a comparison does not list them as different.
 */
final class NumberText {

  private NumberText() {}

  /** {@code value} in its shortest plain decimal form (100.0 and 1e2 as 100, 2.50 as 2.5); as given when it is no number. */
  static String of(String value) {
    try {
      return new BigDecimal(value.strip()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
