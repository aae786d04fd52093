package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.Locale;
import java.util.Set;

/**
 * Commands mongod 7.0 does not have, which mongo-java-server still answers: {@code getLastError} and
 * {@code resetError}, removed in mongod 5.1 with the legacy write protocol they served (it answered them with ok on
 * one database and "unknown subcommand: lsid", without a code, on another), and its own test command
 * {@code triggerInternalException}. Refused as mongod refuses any command it does not know: 59 CommandNotFound, "no
 * such command: 'getLastError'", so that code written for an old server fails here as it fails on mongod.
 */
final class RemovedCommands {

  private static final Set<String> COMMANDS = Set.of("getlasterror", "reseterror", "getpreverror", "triggerinternalexception");

  private RemovedCommands() {}

  /** @throws MongoServerError 59 for one of these commands */
  static void refuse(String command) {
    if (COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
      throw MongodError.COMMAND_NOT_FOUND.error("no such command: '" + command + "'");
    }
  }
}
