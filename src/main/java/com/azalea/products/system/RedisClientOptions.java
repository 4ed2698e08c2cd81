package com.azalea.products.system;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
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
}
