package com.azalea.products.query;

import com.azalea.products.support.OnRedisCluster;

/** The compressed documents' scenarios on a Redis Cluster. */
@OnRedisCluster
class CompressedDocumentsOnClusterTest extends CompressedDocumentsTest {
}
