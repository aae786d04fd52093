package lab.portexhaustion.target;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What the probe learnt of a target before any load.
 *
 * @param description the target's description, completed with its server's version and connections
 * @param members every server the probe's driver knew of when it had its answer, unresolved: the hosts listed, those a
 *     replica set's members named, those of a mongodb+srv name's SRV record
 */
public record ProbedTarget(TargetDescription description, List<InetSocketAddress> members) {

  public ProbedTarget {
    members = List.copyOf(members);
  }
}
