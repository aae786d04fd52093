package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.Locale;
import java.util.Set;

/**
 * Commands mongod 7.0 runs only against the admin database, refused elsewhere as it refuses them: 13 Unauthorized,
 * "listDatabases may only be run against the admin database.". mongo-java-server answered them outside the admin
 * database with 59 "no such command", the answer of a server that has never heard of them (a tool that tells a
 * missing feature from a wrong database by the code took the first).
 */
final class AdminOnly {

  private static final Set<String> COMMANDS = Set.of("listdatabases", "renamecollection", "replsetgetstatus", "getlog",
      "getcmdlineopts", "getfreemonitoringstatus");

  private AdminOnly() {}

  /** @throws MongoServerError 13 for one of these commands sent to another database than admin */
  static void refuse(String databaseName, String command) {
    if (!databaseName.equals("admin") && COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
      throw MongodError.UNAUTHORIZED.error(command + " may only be run against the admin database.");
    }
  }
}
