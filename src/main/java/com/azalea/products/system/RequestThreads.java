package com.azalea.products.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests run on a bounded pool of platform threads ({@code server.tomcat.threads.*}), served in arrival
 * order: under a storm of 4,000 connections this kept p99 under a third of a second where virtual
 * threads, one per request, let it reach seconds (docs/benchmarks.md#storm-thousands-of-connections).
 * The pool is a {@link QueueTimedExecutor}; with {@code spring.threads.virtual.enabled} it is not used. Its
 * threads run below the normal priority ({@link RequestThreadProperties}): under a saturating read load, an
 * admin write's way to every instance's readers is not queued behind the reads (docs/benchmarks.md#projection-lag).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // batch commands serve no request
@ConditionalOnThreading(Threading.PLATFORM)
class RequestThreads {

    /** Tomcat starts and stops it with the connector, so Spring does not. */
    @Bean(destroyMethod = "")
    QueueTimedExecutor requestThreadPool(TomcatServerProperties tomcat, RequestThreadProperties properties) {
        var threads = tomcat.getThreads();
        var pool = new QueueTimedExecutor();
        pool.setName("request-threads");
        pool.setNamePrefix("http-request-");
        pool.setMaxThreads(threads.getMax());
        pool.setMinSpareThreads(Math.min(threads.getMinSpare(), threads.getMax()));
        pool.setMaxQueueSize(threads.getMaxQueueCapacity());
        pool.setThreadPriority(properties.priority());
        return pool;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestThreadPoolOnTheConnector(QueueTimedExecutor pool) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.getService().addExecutor(pool);
            connector.getProtocolHandler().setExecutor(pool);
        });
    }
}
