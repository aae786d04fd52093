package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A server that answered the probe but is not a member of the replica set {@code replicaSet} names. The driver drops it
 * from its view of the cluster and waits out server selection, whose timeout alone reads as a server that never
 * answered; this listener keeps the first answer so the paragraph can say what the server is instead.
 */
final class ReplicaSetMismatch implements ServerListener {

  private final AtomicReference<ServerDescription> firstAnswer = new AtomicReference<>();

  @Override
  public void serverDescriptionChanged(ServerDescriptionChangedEvent event) {
    if (event.getNewDescription().isOk()) {
      firstAnswer.compareAndSet(null, event.getNewDescription());
    }
  }

  /** The paragraph when {@code replicaSet} names a set the server that answered is not a member of; empty else. */
  Optional<String> paragraph(TargetDescription target, ConnectionString connection) {
    String wanted = connection.getRequiredReplicaSetName();
    ServerDescription answer = firstAnswer.get();
    if (wanted == null || answer == null || wanted.equals(answer.getSetName())) {
      return Optional.empty();
    }
    return Optional.of("The " + target.kind() + " target " + target.connection() + " answered as " + what(answer)
        + ", not as a member of the replica set '" + wanted + "' that 'replicaSet' in 'uri' asks for, so the driver left it"
        + " out and no load was sent. " + advice(answer));
  }

  private static String what(ServerDescription answer) {
    if (answer.getSetName() != null) {
      return "a member of the replica set '" + answer.getSetName() + "'";
    }
    return answer.getType() == ServerType.SHARD_ROUTER ? "a mongos (a sharded cluster's router)" : "a standalone server";
  }

  private static String advice(ServerDescription answer) {
    return answer.getSetName() != null
        ? "Give replicaSet=" + answer.getSetName() + " in 'uri', the name the server gives its set."
        : "Leave replicaSet out of 'uri' for a server that is not a replica set member.";
  }
}
