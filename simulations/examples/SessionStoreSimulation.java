package examples;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/**
 * A user's own workload: a session store. Each visit reads the visitor's session, then saves it back with one more
 * hit. Written as a careless service would: a new MongoClient for every request. Its pooled twin is
 * {@link SessionStorePooledSimulation}; the two differ only in {@code .connections(...)}.
 */
public class SessionStoreSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo()
      .target(embedded())
      .connections(clientPerRequest());

  /** 500 visitors, over and over: most visits find a session saved by an earlier one. */
  private final Iterator<Map<String, Object>> visitors =
      Stream.iterate(0, i -> (i + 1) % 500).map(i -> Map.<String, Object>of("user", "user-" + i)).iterator();

  {
    setUp(scenario("session store")
            .feed(visitors)
            .exec(mongo("read session").collection("sessions")
                .find("{_id: '#{user}'}")
                .check(count().atMost(1)))
            .pause(Duration.ofMillis(20))
            .exec(mongo("save session").collection("sessions")
                .updateOne("{_id: '#{user}'}", "{$set: {lastSeen: #{currentTimeMillis()}}, $inc: {hits: 1}}")
                .upsert()
                .check(count().is(1)))
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
