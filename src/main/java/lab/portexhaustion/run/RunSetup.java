package lab.portexhaustion.run;

import com.mongodb.MongoException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import lab.portexhaustion.BuildInfo;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.UriRedaction;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.record.CleanStartState;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.NetworkConditionsReader;
import lab.portexhaustion.target.CredentialRefusal;
import lab.portexhaustion.target.Followed;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.ProbeTimeout;
import lab.portexhaustion.target.ProbedTarget;
import lab.portexhaustion.target.ServerProbe;
import lab.portexhaustion.target.TargetDescription;
import lab.portexhaustion.target.TargetFactory;
import lab.portexhaustion.target.TargetUnavailableException;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.StrategyFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a run needs before its first request, in order: the harness's classes and hot code
 * loaded, the network conditions read, the target started, a clean start waited for, the fleet's
 * turn waited for, the server probed, the strategy built. A failure closes what was started and is thrown.
 *
 * @param followed the addresses the sampler counts as the target's: those the target names, and the servers the probe
 *     learnt of
 * @param socketErrors where the strategy's driver reports socket errors; the run connects it to its onset detector
 */
record RunSetup(NetworkConditions network, SocketTable sockets, MongoTarget target, TargetDescription description,
    Followed followed, CleanStartState cleanStart, ConnectionStrategy strategy, SocketErrorRelay socketErrors) {

  private static final Logger LOG = LoggerFactory.getLogger(RunSetup.class);

  static RunSetup of(HarnessPlan plan) {
    Scenario scenario = plan.scenario();
    HarnessSettings settings = plan.settings();
    String simulation = plan.simulation();
    HarnessClasses.loadAll();
    NetworkConditions network = NetworkConditionsReader.read();
    SocketTable sockets = SocketTable.forThisMachine();
    sockets.warmUp();
    HarnessFiles.warmUp();
    MongoTarget target = TargetFactory.start(settings, port -> !network.range().contains(port)
        && CleanStart.nothingToward(sockets, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    try {
      // Look for TIME_WAIT before the harness's own first connections to the target leave some.
      CleanStartState clean = CleanStart.await(sockets, DrainScope.of(network, target.followed().addresses()),
          settings.cleanStart().bound(network.timeWait()));
      FleetTurn.await(settings.fleet(), simulation);
      ProbedTarget probed = ServerProbe.describe(target, ProbeTimeout.of(settings.timeouts()), settings.embedded());
      TargetDescription description = probed.description();
      Followed followed = target.followed().withMembers(probed.members());
      LOG.info("{} ({}): {}", simulation, scenario.configName(), description.oneLine());
      LOG.info("{}: the port sampler counts as the target's the connections toward {}", simulation, followed.said());
      LOG.info(conditionsLine(simulation, network, clean));
      SocketErrorRelay socketErrors = new SocketErrorRelay();
      ConnectionStrategy strategy = strategy(plan, target.afterProbe(probed.members()), description, socketErrors);
      LOG.info("{}: {}", simulation, strategy.describe());
      return new RunSetup(network, sockets, target, description, followed, clean, strategy, socketErrors);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  /**
   * The console's line of the run's conditions: the host's port settings, the clean start, and the harness's version
   * and commit, as {@code conditions.json} has them, so that a pasted log says which build ran.
   */
  static String conditionsLine(String simulation, NetworkConditions network, CleanStartState clean) {
    return String.format("%s: ephemeral range %s, TIME_WAIT %d s, tcp_tw_reuse %s; clean start: %s; port-exhaustion-lab %s @ %s",
        simulation, network.range(), network.timeWait().toSeconds(), network.twReuse().map(String::valueOf).orElse("n/a"),
        clean.note(), BuildInfo.harnessVersion(), BuildInfo.gitCommit());
  }

  /**
   * The strategy, prepared against the target (its first document written, or its handshake said): a target that
   * answered the probe but fails that is a setup failure with a paragraph, not a stack trace.
   */
  private static ConnectionStrategy strategy(HarnessPlan plan, MongoTarget target, TargetDescription description,
      SocketErrorRelay socketErrors) {
    HarnessSettings settings = plan.settings();
    try {
      return StrategyFactory.create(plan.scenario().strategy(), target, settings, plan.hook(), socketErrors);
    } catch (MongoException | UncheckedIOException e) {
      CredentialRefusal.why(e).ifPresent(why -> {
        throw new TargetUnavailableException(String.format("The %s strategy's client was turned down by the server at %s (%s):"
            + " it refused the client's credentials (%s), so no load was sent. Check the user name, the password and authSource"
            + " in 'uri' or in the simulation's own client settings (MongoDsl's clientSettings), or leave the credentials out for"
            + " a server without authentication.", plan.scenario().strategy().configName(), description.address(),
            description.kind(), UriRedaction.scrub(why, target.connectionString().getConnectionString())));
      });
      throw new TargetUnavailableException(String.format("The %s strategy could not prepare its first operation against %s"
          + " (%s): %s. The server answered the probe, so it is reachable: check that it is writable and not overloaded, or"
          + " give it more time with -Dtimeouts.serverSelection (now %d ms).", plan.scenario().strategy().configName(),
          description.address(), description.kind(), ErrorClassifier.classify(e).message(), settings.timeouts().serverSelection().toMillis()));
    }
  }
}
