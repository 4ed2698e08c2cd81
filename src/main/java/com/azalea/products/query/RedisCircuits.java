package com.azalea.products.query;

import com.azalea.products.projection.StoredProduct;
import com.azalea.products.system.ByteRedisConnection;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The read path's circuit breakers on Redis, one per Redis that serves reads: the single Redis, or
 * each master of a Redis Cluster, found by the slot of the key a read asks for. While one master fails
 * (until its replica is promoted and the client has seen it), only the reads of its slots go to the
 * read table; the other masters' reads keep Redis and do not load the table. A promoted replica is
 * another node, with a closed breaker of its own. A breaker opens when half of its last 20 calls
 * (at least 10) failed, and then lets 5 reads try Redis every {@code azalea.read.redis-retry-after}.
 */
@Component
class RedisCircuits {

    private static final Logger log = LoggerFactory.getLogger(RedisCircuits.class);

    private final DocumentCache cache;
    private final NearCache near;
    private final ReadProperties properties;
    private final CircuitBreakerConfig config;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    RedisCircuits(DocumentCache cache, NearCache near, ReadProperties properties, MeterRegistry meters) {
        this.cache = cache;
        this.near = near;
        this.properties = properties;
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                // every read records its outcome: no lock on that path
                .slidingWindowSynchronizationStrategy(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.redisRetryAfter())
                .permittedNumberOfCallsInHalfOpenState(5)
                .build();
        Gauge.builder("azalea.cache.circuit.open", this, RedisCircuits::open)
                .description("Redis nodes (the single Redis, or masters of a cluster) whose reads go to the read table because they fail")
                .register(meters);
    }

    /** The breaker of the Redis that serves this key. */
    CircuitBreaker of(byte[] key) {
        return breaker(cache.nodeOf(key));
    }

    /** The breaker of the Redis that holds a product's documents; on a single Redis found without making the key, for every near-cache hit. */
    CircuitBreaker ofProduct(long productId) {
        return breaker(cache.clustered() ? cache.nodeOf(StoredProduct.key(productId)) : ByteRedisConnection.SINGLE);
    }

    private CircuitBreaker breaker(String node) {
        CircuitBreaker breaker = breakers.get(node);
        return breaker != null ? breaker : breakers.computeIfAbsent(node, this::create);
    }

    private CircuitBreaker create(String node) {
        String redis = node.equals(ByteRedisConnection.SINGLE) ? "Redis" : "Redis " + node;
        CircuitBreaker breaker = CircuitBreaker.of(redis, config);
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getFromState() == State.CLOSED) {
                near.clear(); // announcements may not get through either; the near cache is used again once Redis answers
            }
            switch (event.getStateTransition()) {
                case CLOSED_TO_OPEN -> log.warn("{} is failing: its reads go to the read table, it is tried again every {}",
                        redis, properties.redisRetryAfter());
                case HALF_OPEN_TO_CLOSED -> log.info("{} answers again: its reads use it", redis);
                default -> log.debug("{} circuit: {}", redis, event.getStateTransition());
            }
        });
        return breaker;
    }

    /** Open breakers of the nodes that serve reads now; those of nodes gone from the cluster are dropped. */
    private int open() {
        Set<String> serving = cache.nodes();
        breakers.keySet().retainAll(serving);
        return (int) breakers.values().stream().filter(breaker -> breaker.getState() != State.CLOSED).count();
    }
}
