package lab.portexhaustion.strategy;

import com.mongodb.MongoClientSettings;
import java.util.function.Consumer;

/**
 * A simulation's own changes to every MongoClientSettings the harness builds for it, applied after the harness's
 * timeouts and pool settings (so they win) and before its listeners (so the onset is still heard).
 */
public record ClientSettingsHook(Consumer<MongoClientSettings.Builder> changes, boolean given) {

  /** No changes. */
  public static final ClientSettingsHook NONE = new ClientSettingsHook(builder -> {}, false);

  public static ClientSettingsHook of(Consumer<MongoClientSettings.Builder> changes) {
    return new ClientSettingsHook(changes, true);
  }

  MongoClientSettings.Builder applyTo(MongoClientSettings.Builder builder) {
    changes.accept(builder);
    return builder;
  }

  /** For the strategy's description. */
  String note() {
    return given ? ", with the simulation's own MongoClientSettings changes" : "";
  }
}
