package lab.portexhaustion.dsl.visits;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.clientPerRequest;
import static lab.portexhaustion.dsl.MongoDsl.count;
import static lab.portexhaustion.dsl.MongoDsl.embedded;
import static lab.portexhaustion.dsl.MongoDsl.mongo;

import io.gatling.javaapi.core.Simulation;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/**
 * A user's own workload of three requests per visit, each through a new MongoClient: find the account, upsert it, and
 * insert an audit record. VisitOfThreeRequestsIT runs it in a 2,000-port namespace: the model's prediction before the
 * load must already count the visit's three requests. Not one of the product's simulations: the pom keeps the plugin
 * from running it.
 */
public class ThreeRequestVisitSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo()
      .target(embedded())
      .connections(clientPerRequest());

  /** 1,000 accounts, over and over. */
  private final Iterator<Map<String, Object>> accounts =
      Stream.iterate(0, i -> (i + 1) % 1000).map(i -> Map.<String, Object>of("account", "account-" + i)).iterator();

  {
    setUp(scenario("three requests per visit")
            .feed(accounts)
            .exec(mongo("find account").collection("accounts")
                .find("{_id: '#{account}'}")
                .check(count().atMost(1)))
            .exec(mongo("upsert account").collection("accounts")
                .updateOne("{_id: '#{account}'}", "{$set: {seen: #{currentTimeMillis()}}, $inc: {visits: 1}}")
                .upsert()
                .check(count().is(1)))
            .exec(mongo("insert audit").collection("audit")
                .insertOne("{account: '#{account}', at: #{currentTimeMillis()}}"))
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
