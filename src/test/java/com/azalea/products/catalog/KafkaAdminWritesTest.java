package com.azalea.products.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.KafkaBroker;
import com.azalea.products.support.KafkaServices;
import com.azalea.products.support.ServiceProcess;
import com.azalea.products.support.TcpGate;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The admin end-to-end checks through a real Kafka broker, plus what only Kafka brings: outages and dead letters. */
@IntegrationTest
@TestPropertySource(properties = "azalea.events.transport=kafka") // read by conditions, so not a dynamic property
class KafkaAdminWritesTest extends AdminWritesScenarios {

    /** Nested, so it adds to the imports of {@link IntegrationTest} instead of replacing them. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import(KafkaServices.class)
    static class WithKafka {
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Environment environment;

    @Test
    void writesMadeWhileTheBrokerIsDownAreAllProjectedAfterItReturns() {
        long product = client.create("/admin/products", PRODUCT.formatted("Outage"));
        long style = client.create("/admin/products/" + product + "/styles", "{\"name\": \"Grey\", \"original_price\": 10, \"default?\": true}");
        long sku = client.create("/admin/styles/" + style + "/skus", "{\"size\": \"S\", \"quantity\": 0}");
        eventually("/products/" + product + "/styles", doc -> doc.get("results").get(0).get("skus").has(Long.toString(sku)));

        KafkaBroker.cut();
        try {
            for (int quantity = 1; quantity <= 20; quantity++) {
                assertThat(client.admin("PATCH", "/admin/skus/" + sku, "{\"quantity\": " + quantity + "}").statusCode()).isEqualTo(204);
            }
            long renamed = client.create("/admin/products", PRODUCT.formatted("Written during the outage"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> count("outbox") > 0);
            JsonNode meanwhile = client.getJson("/products/" + renamed); // 404, or a document an earlier test left under this id
            assertThat(meanwhile == null ? null : meanwhile.get("name").asString()).isNotEqualTo("Written during the outage");
            KafkaBroker.restore();
            eventually("/products/" + renamed, doc -> doc.get("name").asString().equals("Written during the outage"));
        } finally {
            KafkaBroker.restore(); // also when an assertion failed during the outage: the other tests need Kafka
        }
        eventually("/products/" + product + "/styles", doc -> doc.get("results").get(0).get("skus").get(Long.toString(sku)).get("quantity").asInt() == 20);
        await().atMost(VISIBLE_WITHIN).until(() -> count("outbox") == 0);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndIsCounted() {
        double before = deadLetters();
        kafka.send("product-changes", "not-a-product", "{\"this is\": \"no change\"}");
        await().atMost(VISIBLE_WITHIN).until(() -> deadLetters() > before);

        Map<String, Object> props = KafkaTestUtils.consumerProps(KafkaBroker.bootstrapServers(), "dead-letter-reader", false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of("product-changes.DLT"));
            List<String> keys = new ArrayList<>();
            await().atMost(VISIBLE_WITHIN).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                return keys.contains("not-a-product");
            });
        }
        long product = client.create("/admin/products", PRODUCT.formatted("After the poison"));
        eventually("/products/" + product, doc -> doc.get("name").asString().equals("After the poison"));
    }

    /**
     * A second projector in the consumer group, a JVM of its own, SIGKILLed once it holds partitions:
     * this instance takes them over after the session timeout, and every write is projected.
     */
    @Test
    void aProjectorKilledInTheGroupLeavesItsPartitionsToTheOtherAndNoWriteIsLost(@TempDir Path logs) throws Exception {
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // keyed by product id: spread over the topic's partitions
            products.add(client.create("/admin/products", PRODUCT.formatted("Group " + i)));
        }
        String group = environment.getRequiredProperty("azalea.events.consumer-group");
        Process other = new ProcessBuilder(ServiceProcess.command(environment, "--server.port=" + TcpGate.freePort(),
                "--azalea.first-start.sample-scale=0", "--azalea.events.transport=kafka",
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers()))
                .redirectErrorStream(true).redirectOutput(logs.resolve("other-projector.log").toFile()).start();
        try (Admin kafkaAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> membersWithPartitions(kafkaAdmin, group) == 2);
            other.destroyForcibly().waitFor(); // SIGKILL: no leaving the group, no commit
            for (int i = 0; i < products.size(); i++) {
                assertThat(client.admin("PUT", "/admin/products/" + products.get(i), PRODUCT.formatted("Regrouped " + i)).statusCode()).isEqualTo(204);
            }
            for (int i = 0; i < products.size(); i++) {
                String path = "/products/" + products.get(i);
                String name = "Regrouped " + i;
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                        .until(() -> client.getJson(path).get("name").asString().equals(name));
            }
            assertThat(membersWithPartitions(kafkaAdmin, group)).as("this instance alone holds the partitions").isEqualTo(1);
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    private static long membersWithPartitions(Admin kafkaAdmin, String group) throws Exception {
        ConsumerGroupDescription description = kafkaAdmin.describeConsumerGroups(List.of(group)).all().get().get(group);
        return description.members().stream().filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
    }

    @Test
    void healthIncludesKafka() {
        // the components show to the admin only
        JsonNode health = client.json(client.admin("GET", "/actuator/health", null).body());
        assertThat(health.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
    }

    private double deadLetters() {
        var counter = meters.find("azalea.events.dead_letters").counter();
        return counter == null ? 0 : counter.count();
    }
}
