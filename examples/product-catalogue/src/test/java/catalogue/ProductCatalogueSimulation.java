package catalogue;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/**
 * A product catalogue's product page: each visit counts a view of one product, then lists the most viewed products of
 * its category. Written the careless way: a new MongoClient for every request, closed after it. Its twin,
 * {@link ProductCataloguePooledSimulation}, differs in {@code .connections(...)} only.
 */
public class ProductCatalogueSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo()
      .target(embedded())
      .connections(clientPerRequest())
      // 5 visits/s rising to 30 over 10 s, then 10 s at 30: short, and past the end of a 1,000-port range.
      .load(5, 30, Duration.ofSeconds(10), Duration.ofSeconds(10));

  /** 2,000 products in 20 categories, viewed in turn. */
  private final Iterator<Map<String, Object>> products = Stream.iterate(0, i -> (i + 1) % 2000)
      .map(i -> Map.<String, Object>of("sku", "sku-" + i, "category", "category-" + i % 20)).iterator();

  {
    setUp(scenario("product page")
            .feed(products)
            .exec(mongo("count view").collection("products")
                .updateOne("{_id: '#{sku}'}", "{$inc: {views: 1}, $set: {category: '#{category}'}}")
                .upsert()
                .check(count().is(1)))
            .pause(Duration.ofMillis(20))
            .exec(mongo("most viewed in category").collection("products")
                .aggregate("[{$match: {category: '#{category}'}}, {$sort: {views: -1}}, {$limit: 10}]")
                .check(count().atLeast(1), field("category").is("#{category}")))
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
