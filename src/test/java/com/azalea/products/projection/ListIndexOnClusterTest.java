package com.azalea.products.projection;

import com.azalea.products.support.OnRedisCluster;

/** The list index's completeness marker on a Redis Cluster, whose masters are all emptied at once. */
@OnRedisCluster
class ListIndexOnClusterTest extends ListIndexTest {
}
