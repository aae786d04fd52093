package lab.portexhaustion.config;

/** What a driver-based request does once it has a connection (the raw socket always sends one handshake). */
public enum OperationKind implements ConfigName {
  PING,
  INSERT,
  FIND,
  INSERT_THEN_FIND
}
