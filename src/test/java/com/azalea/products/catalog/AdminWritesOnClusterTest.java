package com.azalea.products.catalog;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.OnRedisCluster;
import org.springframework.test.context.TestPropertySource;

/** The admin end-to-end checks of {@link InProcessAdminWritesTest} on a Redis Cluster. */
@IntegrationTest
@OnRedisCluster
@TestPropertySource(properties = "azalea.events.poll-interval=1h")
class AdminWritesOnClusterTest extends AdminWritesScenarios {
}
