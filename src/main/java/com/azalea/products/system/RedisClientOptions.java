package com.azalea.products.system;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions.RefreshTrigger;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the one Redis client of the service behaves while Redis, or a node of a Redis Cluster, is away. */
@Configuration(proxyBeanMethods = false)
class RedisClientOptions {

    /**
     * While a connection is down, commands fail at once instead of queueing until they time out: reads
     * fall back to the read table without waiting, projections fail and are retried. On a cluster, the
     * topology is refreshed as Spring Boot's {@code spring.data.redis.lettuce.cluster.refresh.*} say
     * (adaptive and periodic, application.yml); Lettuce then waits 30 s between two refreshes that
     * events trigger, so a refresh that came too early in a failover (the replica not promoted yet)
     * would leave reads of the failed master's slots on the read table that long:
     * {@code azalea.redis.cluster.adaptive-refresh-backoff} shortens it.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected(
            @Value("${azalea.redis.cluster.adaptive-refresh-backoff:1s}") Duration adaptiveRefreshBackoff) {
        return options -> {
            options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
            if (options instanceof ClusterClientOptions.Builder cluster) {
                ClusterTopologyRefreshOptions refresh = cluster.build().getTopologyRefreshOptions();
                cluster.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(refresh.isPeriodicRefreshEnabled())
                        .refreshPeriod(refresh.getRefreshPeriod())
                        .enableAdaptiveRefreshTrigger(refresh.getAdaptiveRefreshTriggers().toArray(RefreshTrigger[]::new))
                        .adaptiveRefreshTriggersTimeout(adaptiveRefreshBackoff)
                        .dynamicRefreshSources(refresh.useDynamicRefreshSources())
                        .closeStaleConnections(refresh.isCloseStaleConnections())
                        .build());
            }
        };
    }

    /**
     * Many request threads share one connection: the commands they queue on the event loop together
     * go out in one socket write, not one write each (Netty's flush consolidation).
     */
    @Bean
    ClientResourcesBuilderCustomizer consolidatedFlushes() {
        return resources -> resources.nettyCustomizer(new NettyCustomizer() {
            @Override
            public void afterChannelInitialized(Channel channel) {
                channel.pipeline().addFirst(new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
            }
        });
    }
}
