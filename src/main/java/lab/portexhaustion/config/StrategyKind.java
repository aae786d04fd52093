package lab.portexhaustion.config;

/** How one request gets its connection. */
public enum StrategyKind implements ConfigName {
  /** One shared MongoClient and its pool. */
  POOLED("pooled"),
  /** A new MongoClient per request, the operation, close(): the anti-pattern. */
  CLIENT_PER_REQUEST("client-per-request"),
  /** TCP connect, one handshake command, close: the kernel's behaviour without a driver. */
  RAW_SOCKET("raw-socket");

  private final String configName;

  StrategyKind(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
