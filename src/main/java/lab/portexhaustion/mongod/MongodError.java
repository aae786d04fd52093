package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * The mongod 7.0 error codes this server answers with, each with the name mongod sends beside it as {@code codeName}
 * ("Location" and the number for a code that has no name of its own): one table, so that a code and its name cannot
 * drift apart between the classes that refuse a command.
 */
enum MongodError {
  BAD_VALUE(2, "BadValue"),
  FAILED_TO_PARSE(9, "FailedToParse"),
  UNAUTHORIZED(13, "Unauthorized"),
  TYPE_MISMATCH(14, "TypeMismatch"),
  INVALID_LENGTH(16, "InvalidLength"),
  ILLEGAL_OPERATION(20, "IllegalOperation"),
  NAMESPACE_NOT_FOUND(26, "NamespaceNotFound"),
  INDEX_NOT_FOUND(27, "IndexNotFound"),
  CURSOR_NOT_FOUND(43, "CursorNotFound"),
  COMMAND_NOT_FOUND(59, "CommandNotFound"),
  MAX_TIME_MS_EXPIRED(50, "MaxTimeMSExpired"),
  INVALID_OPTIONS(72, "InvalidOptions"),
  NOT_IMPLEMENTED(238, "NotImplemented"),
  /** A required field left out (its code has no name in 7.0; later releases call it IDLFailedToParse). */
  MISSING_FIELD(40414, null),
  UNKNOWN_FIELD(40415, null),
  /** A change stream on a server that is not a replica set member. */
  CHANGE_STREAM_NEEDS_REPLICA_SET(40573, null),
  /** A number out of a parser's range. */
  OUT_OF_RANGE(51024, null);

  private static final String LOCATION = "Location";

  final int code;
  final String codeName;

  MongodError(int code, String name) {
    this.code = code;
    this.codeName = name == null ? LOCATION + code : name;
  }

  /** The error reply this code makes with {@code message} as its {@code errmsg}. */
  MongoServerError error(String message) {
    return new MongoServerError(code, codeName, message);
  }

  /**
   * The error reply of a code outside this table, one of the many that name a single place in mongod's source (a
   * pipeline stage's, as 15959), which mongod sends with no name of their own.
   */
  static MongoServerError located(int code, String message) {
    return new MongoServerError(code, LOCATION + code, message);
  }
}
