package lab.portexhaustion.model;

/**
 * Units a client grows to as its load needs them and keeps until the run ends: a pool's connections and its
 * monitors'. How many its requests need at once is not known before the load, only between which bounds.
 *
 * @param least the fewest it takes, whatever the load
 * @param most the most it can take
 */
public record Plateau(int least, int most) {

  public Plateau {
    if (least < 0 || most < least) {
      throw new IllegalArgumentException("a plateau of " + least + " to " + most);
    }
  }

  /** The same beyond the {@code held} units the client already held when the load started. */
  public Plateau beyond(int held) {
    return new Plateau(Math.max(0, least - held), Math.max(0, most - held));
  }

  /** "5", or "0 to 99". */
  String text() {
    return least == most ? String.format("%,d", most) : String.format("%,d to %,d", least, most);
  }
}
