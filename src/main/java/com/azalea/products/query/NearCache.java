package com.azalea.products.query;

import com.azalea.products.projection.ChangeAnnouncements;
import com.azalea.products.projection.ChangeAnnouncements.Changes;
import com.azalea.products.projection.ChangeAnnouncements.Heartbeat;
import com.azalea.products.projection.DocumentsChanged;
import com.azalea.products.system.ByteRedisConnection;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The hot products' stored documents in this instance's heap, in front of Redis (Caffeine: bounded by
 * bytes, W-TinyLFU), so that a hit costs no network call. Kept exact by the projector's announcements
 * ({@link ChangeAnnouncements}), which drop the announced products:
 * <ul>
 * <li>a value read from Redis is kept only if no announcement arrived between the read and the keeping
 * (a sequence number, checked before and after), so an old document cannot stick after a newer one was
 * announced;</li>
 * <li>the cache is used only while the channel is known to work: this instance hears its own heartbeat
 * on it every {@code heartbeat}; a heartbeat missing for {@code channel-timeout}, or the subscription's
 * connection lost, empties the cache and bypasses it until a heartbeat comes through again (on a Redis
 * Cluster, the loss of the node that holds the subscription shows as missing heartbeats: an
 * announcement may then be missed for up to {@code channel-timeout}); so do reads that turn away from a
 * failing Redis ({@link #clear});</li>
 * <li>an entry lives at most {@code max-age}, the last safety net (each a random share of it, from half to
 * all, so that the hot set does not expire at once); holding the whole catalog ({@link WholeCatalogFill}),
 * none expires.</li>
 * </ul>
 */
@Component
class NearCache extends ByteRedisConnection {

    private static final Logger log = LoggerFactory.getLogger(NearCache.class);
    /** Caffeine's own cost of an entry, roughly, besides the value. */
    private static final int ENTRY_OVERHEAD = 64;

    private final LettuceConnectionFactory factory;
    private final ReadProperties.NearCache settings;
    private final Cache<Long, byte[]> documents;
    private final String token = UUID.randomUUID().toString();
    private final byte[] heartbeat;
    /** Moves at every announcement and every loss of the channel. */
    private final AtomicLong sequence = new AtomicLong();
    private final Counter invalidations;
    private final Timer announcementDelay;
    private final Timer visible;
    private volatile boolean channelUp;
    private volatile long lastHeartbeat;
    private volatile long downSince = System.nanoTime();
    private volatile boolean running;
    private volatile StatefulRedisPubSubConnection<byte[], byte[]> subscription;
    private ScheduledExecutorService heartbeats;
    private final ApplicationEventPublisher events;

    /** Published each time the cache comes into use, empty: at start, and when the channel is heard again. */
    record InUse() {
    }

    NearCache(LettuceConnectionFactory factory, ReadProperties properties, MeterRegistry meters, ApplicationEventPublisher events) {
        super(factory);
        this.events = events;
        this.factory = factory;
        this.settings = properties.nearCache();
        this.heartbeat = ChangeAnnouncements.heartbeat(token);
        Caffeine<Long, byte[]> builder = Caffeine.newBuilder()
                .maximumWeight(settings.maxBytes())
                .weigher((Long id, byte[] value) -> value.length + ENTRY_OVERHEAD)
                .recordStats();
        // the whole catalog is kept by the announcements alone: an expiry would only send it back to Redis
        this.documents = (settings.wholeCatalog().enabled() ? builder : builder.expireAfter(new SpreadAge(settings.maxAge()))).build();
        CaffeineCacheMetrics.monitor(meters, documents, "near");
        this.invalidations = Counter.builder("azalea.near.invalidations").description("products dropped from the near cache on an announcement")
                .register(meters);
        this.announcementDelay = Timer.builder("azalea.near.announcement.delay")
                .description("from the projector's announcement of a change to its arrival here").publishPercentiles(0.5, 0.99).register(meters);
        this.visible = Timer.builder("azalea.projection.visible")
                .description("from an admin write (the earliest of its batch) to this instance serving the new documents")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
        Gauge.builder("azalea.near.bytes", this, NearCache::bytes)
                .description("bytes the near cache holds, entries' overhead included").baseUnit("bytes").register(meters);
        if (settings.enabled()) { // no alert for a near cache turned off
            Gauge.builder("azalea.near.channel.up", this, cache -> cache.usable() ? 1 : 0)
                    .description("1 while the announcements are heard and the near cache is used").register(meters);
        }
    }

    /** The product's stored documents, or null when the cache does not hold them or is not in use. */
    byte[] get(long productId) {
        return usable() ? documents.getIfPresent(productId) : null;
    }

    /** As {@link #get}, but neither counted in the statistics nor seen by the eviction policy. */
    byte[] peek(long productId) {
        return usable() ? documents.policy().getIfPresentQuietly(productId) : null;
    }

    /** Taken before a read from Redis, handed to {@link #keep} with what it read. */
    long stamp() {
        return sequence.get();
    }

    /** Keeps a value read from Redis, unless an announcement (or a loss of the channel) came since {@code stamp}. */
    void keep(long productId, byte[] value, long stamp) {
        if (!usable() || sequence.get() != stamp) {
            return;
        }
        documents.put(productId, value);
        if (sequence.get() != stamp) { // an announcement came while it was put: it may have missed this entry
            documents.invalidate(productId);
        }
    }

    /**
     * Keeps values read from Redis in one go, as {@link #keep} does each. @return whether all were kept: no
     * announcement came since {@code stamp}
     */
    boolean keepAll(Map<Long, byte[]> values, long stamp) {
        values.forEach((id, value) -> keep(id, value, stamp));
        return usable() && sequence.get() == stamp;
    }

    /** How many products it holds, and their bytes (entries' overhead included). */
    long size() {
        return documents.estimatedSize();
    }

    long bytes() {
        return documents.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** Empties the cache, as when the channel is lost: for reads that turned away from Redis. */
    void clear() {
        sequence.incrementAndGet();
        documents.invalidateAll();
    }

    boolean usable() {
        return settings.enabled() && channelUp;
    }

    @Override
    public void start() {
        super.start();
        if (!settings.enabled()) {
            return;
        }
        AbstractRedisClient client = factory.getRequiredNativeClient();
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (connection == subscription && running) {
                    lose("its connection to Redis was lost");
                }
            }

            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            }
        });
        running = true;
        subscribe(client);
        heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("near-cache-heartbeat").daemon().factory());
        long every = settings.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, 0, every, TimeUnit.MILLISECONDS);
    }

    private void subscribe(AbstractRedisClient client) {
        StatefulRedisPubSubConnection<byte[], byte[]> connection = client instanceof RedisClusterClient cluster
                ? cluster.connectPubSub(ByteArrayCodec.INSTANCE) : ((RedisClient) client).connectPubSub(ByteArrayCodec.INSTANCE);
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] channel, byte[] message) {
                if (Arrays.equals(channel, ChangeAnnouncements.CHANNEL)) {
                    heard(message);
                }
            }
        });
        connection.sync().subscribe(ChangeAnnouncements.CHANNEL);
        subscription = connection;
    }

    /** This process's own projections, dropped before they are announced to every instance. */
    @EventListener
    void onDocumentsChanged(DocumentsChanged changed) {
        sequence.incrementAndGet();
        documents.invalidateAll(changed.productIds());
    }

    private void heard(byte[] message) {
        try {
            switch (ChangeAnnouncements.parse(message)) {
                case Changes changes -> {
                    sequence.incrementAndGet(); // first, so that a read in flight does not keep what it read
                    for (long id : changes.productIds()) {
                        documents.invalidate(id);
                    }
                    invalidations.increment(changes.productIds().length);
                    long now = System.currentTimeMillis();
                    announcementDelay.record(Duration.ofMillis(Math.max(0, now - changes.announcedAt())));
                    if (changes.changedAt() > 0) {
                        visible.record(Duration.ofMillis(Math.max(0, now - changes.changedAt())));
                    }
                }
                case Heartbeat beat when beat.token().equals(token) -> {
                    lastHeartbeat = System.nanoTime();
                    if (!channelUp) {
                        clear(); // nothing read while it was down is kept; start empty
                        channelUp = true;
                        log.info("near cache in use: this instance hears the change announcements");
                        events.publishEvent(new InUse());
                    }
                }
                case Heartbeat other -> {
                }
            }
        } catch (IllegalArgumentException e) {
            log.warn("ignored a message on the announcements channel: {}", e.getMessage());
        }
    }

    /** Sends this instance's heartbeat; declares the channel lost when the last one is overdue. */
    private void beat() {
        if (channelUp && System.nanoTime() - lastHeartbeat > settings.channelTimeout().toNanos()) {
            lose("no heartbeat heard on the announcements channel for " + settings.channelTimeout());
        }
        try {
            sync().publish(ChangeAnnouncements.CHANNEL, heartbeat);
        } catch (RuntimeException e) {
            lose("the heartbeat could not be sent: " + e.getMessage());
        }
        if (!channelUp && System.nanoTime() - downSince > 5 * settings.channelTimeout().toNanos()) {
            resubscribe(); // the subscription's node may be gone for good (a failed cluster master)
        }
    }

    private void resubscribe() {
        downSince = System.nanoTime();
        try {
            StatefulRedisPubSubConnection<byte[], byte[]> old = subscription;
            subscribe(factory.getRequiredNativeClient());
            old.closeAsync();
        } catch (RuntimeException e) {
            log.debug("subscribing to the announcements again failed: {}", e.getMessage());
        }
    }

    private void lose(String why) {
        clear();
        if (channelUp) {
            channelUp = false;
            downSince = System.nanoTime();
            log.warn("near cache emptied and bypassed until the announcements are heard again: {}", why);
        }
    }

    /**
     * Each entry lives a random share of the maximum age, from half of it to all of it: the hot set, read
     * into the cache within a moment, would otherwise expire within a moment too, every {@code max-age},
     * and send all its reads to Redis at once.
     */
    private record SpreadAge(Duration maxAge) implements Expiry<Long, byte[]> {

        @Override
        public long expireAfterCreate(Long id, byte[] value, long currentTime) {
            long max = maxAge.toNanos();
            return max - ThreadLocalRandom.current().nextLong(max / 2 + 1);
        }

        @Override
        public long expireAfterUpdate(Long id, byte[] value, long currentTime, long currentDuration) {
            return expireAfterCreate(id, value, currentTime);
        }

        @Override
        public long expireAfterRead(Long id, byte[] value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    @Override
    protected void configure(StatefulConnection<byte[], byte[]> connection, RedisClusterCommands<byte[], byte[]> sync) {
        connection.setTimeout(settings.channelTimeout());
    }

    @Override
    public void stop() {
        running = false;
        channelUp = false;
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        if (subscription != null && subscription.isOpen()) {
            subscription.close();
        }
        super.stop();
    }
}
