package com.azalea.products.query;

import com.azalea.products.support.OnRedisCluster;

/** The read API's scenarios on a Redis Cluster: documents, list pages, refills, single flight, the commands a read costs. */
@OnRedisCluster
class ReadApiOnClusterTest extends ReadApiTest {
}
