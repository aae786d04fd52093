package lab.portexhaustion.dsl;

import java.util.Map;
import lab.portexhaustion.config.StrategyKind;

/** How a simulation holds its connections: one of the harness's connection patterns, with its own settings. Immutable. */
public final class Connections {

  private final StrategyKind kind;
  private final Map<String, String> values;

  Connections(StrategyKind kind, Map<String, String> values) {
    this.kind = kind;
    this.values = Map.copyOf(values);
  }

  StrategyKind kind() {
    return kind;
  }

  Map<String, String> values() {
    return values;
  }
}
