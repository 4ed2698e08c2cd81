package com.azalea.products.projection;

import com.azalea.products.support.OnRedisCluster;

/** Verify and its repairs on a Redis Cluster: its reads of the stored documents are split by slot. */
@OnRedisCluster
class VerifyOnClusterTest extends VerifyTest {
}
