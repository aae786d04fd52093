package lab.portexhaustion.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The database and collection names a MongoDB server takes, as mongod (on Linux) checks them: a name it refuses fails
 * every request of a run, so the settings and the requests refuse it before any load. Written here, not asked of the
 * driver: the Java driver checks a database name's characters only, and a collection name not at all.
 */
public final class MongoNames {

  /** mongod's longest database name, in bytes. */
  private static final int MAX_DATABASE_BYTES = 63;
  private static final String DATABASE_REFUSES = "/\\. \"$\0";

  private MongoNames() {}

  /** Why mongod refuses {@code name} as a database name; empty where it takes it (an empty name is the caller's to say). */
  public static Optional<String> databaseProblem(String name) {
    Optional<String> character = name.chars().filter(c -> DATABASE_REFUSES.indexOf(c) >= 0).mapToObj(MongoNames::said).findFirst();
    if (character.isPresent()) {
      return Optional.of("a database name has none of / \\ . \" $, a blank or a NUL character, and this one has " + character.get());
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    return bytes <= MAX_DATABASE_BYTES ? Optional.empty()
        : Optional.of("a database name is at most " + MAX_DATABASE_BYTES + " bytes long, and this one is " + bytes);
  }

  /** Why mongod refuses {@code name} as a collection name; empty where it takes it (an empty name is the caller's to say). */
  public static Optional<String> collectionProblem(String name) {
    if (name.startsWith(".")) {
      return Optional.of("a collection name does not begin with '.'");
    }
    return name.chars().filter(c -> c == '$' || c == 0).mapToObj(MongoNames::said).findFirst()
        .map(character -> "a collection name has no $ or NUL character, and this one has " + character);
  }

  private static String said(int character) {
    return switch (character) {
      case ' ' -> "a blank";
      case 0 -> "a NUL character";
      default -> "'" + (char) character + "'";
    };
  }
}
