package lab.portexhaustion.config;

/** How one request gets its connection. */
public enum StrategyKind implements ConfigName {
  /** One shared MongoClient and its pool. */
  POOLED,
  /** A new MongoClient per request, the operation, close(): the anti-pattern. */
  CLIENT_PER_REQUEST,
  /** TCP connect, one handshake command, close: the kernel's behaviour without a driver. */
  RAW_SOCKET,
  /** A new MongoClient per request that is never closed: its connections stay open and idle. */
  LEAKED_CLIENT,
  /** TCP connect, one handshake command, then the connection left open and idle until the server closes it. */
  KEEP_ALIVE
}
