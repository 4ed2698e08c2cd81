package com.azalea.products.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an {@link IntegrationTest}'s scenarios on the tests' Redis Cluster ({@link RedisCluster}): put on a
 * subclass of a test written for a single Redis, it changes nothing but the configuration. All such
 * classes with no properties of their own share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = TestServices.REDIS + "=" + TestServices.ON_CLUSTER)
public @interface OnRedisCluster {
}
