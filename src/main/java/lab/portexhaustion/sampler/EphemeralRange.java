package lab.portexhaustion.sampler;

/** The OS's range of local ports for outgoing connections, both ends included. */
public record EphemeralRange(int low, int high) {

  public int size() {
    return high - low + 1;
  }

  public boolean contains(int port) {
    return port >= low && port <= high;
  }

  @Override
  public String toString() {
    return low + "-" + high + " (" + size() + " ports)";
  }
}
