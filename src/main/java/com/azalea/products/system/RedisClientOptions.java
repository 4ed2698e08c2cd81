package com.azalea.products.system;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the one Redis client of the service behaves while Redis is away. */
@Configuration(proxyBeanMethods = false)
class RedisClientOptions {

    /**
     * While the connection is down, commands fail at once instead of queueing until they time out:
     * reads fall back to the read table without waiting, projections fail and are retried.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
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
