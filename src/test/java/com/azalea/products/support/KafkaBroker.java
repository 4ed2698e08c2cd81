package com.azalea.products.support;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft) inside the test JVM, reached through a {@link TcpGate} that it also
 * advertises, so every client connection passes the gate and a test can cut the service off Kafka
 * (an outage) and restore it. Needs no Docker, so the same tests run on every machine.
 */
public final class KafkaBroker {

    private static TcpGate gate;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (gate == null) {
            start();
        }
        return "localhost:" + gate.port();
    }

    /** Cuts every connection to the broker and refuses new ones. */
    public static synchronized void cut() {
        gate.cut();
    }

    public static synchronized void restore() {
        gate.open();
    }

    private static void start() {
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        int gatePort = TcpGate.freePort();
        broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + gatePort);
        broker.afterPropertiesSet();
        String[] address = broker.getBrokersAsString().split(":");
        gate = new TcpGate(address[0], Integer.parseInt(address[1]), gatePort);
        gate.open();
    }
}
