package lab.portexhaustion.mongod;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double as mongod 7.0 prints one in a message: C's {@code %.16g} (16 significant digits, trailing zeros dropped,
 * an exponent from 10^16 up or below 10^-4, as {@code e+19}), with ".0" added when the text has no '.', 'E' or 'N', so
 * 1e19 prints as "1e+19.0", 3 as "3.0" and NaN as "nan.0". Java's own formats differ ("1.0E19"; its %g keeps trailing
 * zeros), so a message naming such a value would not read as mongod's.
 */
final class MongodDoubleText {

  private static final int DIGITS = 16;

  private MongodDoubleText() {}

  static String of(double value) {
    String text = percentG(value);
    boolean marked = text.indexOf('.') >= 0 || text.indexOf('E') >= 0 || text.indexOf('N') >= 0;
    return marked ? text : text + ".0";
  }

  private static String percentG(double value) {
    boolean negative = (Double.doubleToRawLongBits(value) & Long.MIN_VALUE) != 0;
    if (Double.isNaN(value)) {
      return negative ? "-nan" : "nan";
    }
    if (Double.isInfinite(value)) {
      return negative ? "-inf" : "inf";
    }
    if (value == 0) {
      return negative ? "-0" : "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(DIGITS, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= DIGITS) {
      int size = Math.abs(exponent);
      return withoutTrailingZeros(rounded.movePointLeft(exponent).toPlainString())
          + (exponent < 0 ? "e-" : "e+") + (size < 10 ? "0" : "") + size;
    }
    return withoutTrailingZeros(rounded.toPlainString());
  }

  private static String withoutTrailingZeros(String digits) {
    if (digits.indexOf('.') < 0) {
      return digits;
    }
    String trimmed = digits.replaceAll("0+$", "");
    return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
