package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.Set;

/**
 * The arguments mongod 7.0 takes with every command beside the command's own (a session, a read or write concern, a
 * time limit, the API version, ...), and its refusal of a field that is neither: its strict parsers refuse such a
 * field with code 40415, naming it from the command ("BSON field 'count.limt' is an unknown field.").
 */
final class GenericArguments {

  private static final Set<String> GENERIC = Set.of("apiVersion", "apiStrict", "apiDeprecationErrors", "$db", "maxTimeMS", "readConcern",
      "writeConcern", "lsid", "clientOperationKey", "txnNumber", "autocommit", "startTransaction", "stmtId", "comment",
      "$readPreference", "$clusterTime", "$audit", "$client", "$configServerState", "allowImplicitCollectionCreation",
      "$oplogQueryData", "$queryOptions", "$replData", "databaseVersion", "shardVersion", "tracking_info", "coordinator",
      "maxTimeMSOpOnly", "$configTime", "$topologyTime", "txnRetryCounter", "mayBypassWriteBlocking", "$tenant");

  private GenericArguments() {}

  static boolean isGeneric(String field) {
    return GENERIC.contains(field);
  }

  /** mongod's refusal of a field it does not know; {@code path} is the field named from its command or parent. */
  static MongoServerError unknown(String path) {
    return MongodError.UNKNOWN_FIELD.error("BSON field '" + path + "' is an unknown field.");
  }
}
