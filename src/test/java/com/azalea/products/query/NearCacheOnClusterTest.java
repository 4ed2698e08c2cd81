package com.azalea.products.query;

import com.azalea.products.support.OnRedisCluster;

/** The near cache's scenarios on a Redis Cluster: two instances kept exact by the announcements, the overlap race, the maximum age. */
@OnRedisCluster
class NearCacheOnClusterTest extends NearCacheTest {
}
