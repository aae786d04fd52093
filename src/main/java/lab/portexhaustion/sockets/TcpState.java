package lab.portexhaustion.sockets;

/** TCP connection states as the sampler reports them. */
public enum TcpState {
  ESTABLISHED,
  SYN_SENT,
  SYN_RECV,
  FIN_WAIT1,
  FIN_WAIT2,
  TIME_WAIT,
  CLOSE,
  CLOSE_WAIT,
  LAST_ACK,
  LISTEN,
  CLOSING,
  OTHER;

  /** The state numbers of Linux's {@code /proc/net/tcp} (include/net/tcp_states.h). */
  static TcpState fromLinuxCode(int code) {
    return switch (code) {
      case 0x01 -> ESTABLISHED;
      case 0x02 -> SYN_SENT;
      case 0x03 -> SYN_RECV;
      case 0x04 -> FIN_WAIT1;
      case 0x05 -> FIN_WAIT2;
      case 0x06 -> TIME_WAIT;
      case 0x07 -> CLOSE;
      case 0x08 -> CLOSE_WAIT;
      case 0x09 -> LAST_ACK;
      case 0x0A -> LISTEN;
      case 0x0B -> CLOSING;
      default -> OTHER;
    };
  }
}
