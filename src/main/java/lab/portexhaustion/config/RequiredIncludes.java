package lab.portexhaustion.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import java.io.File;
import java.net.URL;
import java.util.function.Supplier;

/**
 * The settings file's {@code include}s, each of which must bring something. HOCON skips an include it cannot find
 * without a word (only {@code include required(...)} is checked), so a mistyped {@code include "comon.conf"} would run
 * on the defaults the user meant to replace; here it is refused, naming the include. Typesafe Config's own includer does
 * the finding and reading; this one only looks at what it found.
 */
final class RequiredIncludes implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {

  /** Typesafe Config's default includer, which handles all four forms of {@code include}. */
  private final ConfigIncluder fallback;

  RequiredIncludes() {
    this(null);
  }

  private RequiredIncludes(ConfigIncluder fallback) {
    this.fallback = fallback;
  }

  @Override
  public ConfigIncluder withFallback(ConfigIncluder fallback) {
    return this.fallback == null ? new RequiredIncludes(fallback) : this;
  }

  @Override
  public ConfigObject include(ConfigIncludeContext context, String what) {
    return nonEmpty("include \"" + what + "\"", () -> fallback.include(context, what));
  }

  @Override
  public ConfigObject includeFile(ConfigIncludeContext context, File what) {
    return nonEmpty("include file(\"" + what + "\")", () -> ((ConfigIncluderFile) fallback).includeFile(context, what));
  }

  @Override
  public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
    return nonEmpty("include url(\"" + what + "\")", () -> ((ConfigIncluderURL) fallback).includeURL(context, what));
  }

  @Override
  public ConfigObject includeResources(ConfigIncludeContext context, String what) {
    return nonEmpty("include classpath(\"" + what + "\")",
        () -> ((ConfigIncluderClasspath) fallback).includeResources(context, what));
  }

  private static ConfigObject nonEmpty(String statement, Supplier<ConfigObject> included) {
    ConfigObject object = included.get();
    if (object.isEmpty()) {
      throw new ConfigException.Generic(statement + " found nothing to include: no such file (a relative name is taken"
          + " from the including file's folder), or an empty one. HOCON would go on without it; the lab refuses, so that"
          + " no setting you meant is left out");
    }
    return object;
  }
}
