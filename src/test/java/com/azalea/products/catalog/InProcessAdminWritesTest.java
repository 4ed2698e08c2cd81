package com.azalea.products.catalog;

import com.azalea.products.support.IntegrationTest;

/** The admin end-to-end checks with no broker: the relay projects the outbox itself. */
@IntegrationTest
class InProcessAdminWritesTest extends AdminWritesScenarios {
}
