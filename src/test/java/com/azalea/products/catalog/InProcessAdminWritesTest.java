package com.azalea.products.catalog;

import com.azalea.products.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The admin end-to-end checks with no broker: the relay projects the outbox itself. Its safety-net
 * poll is set beyond the test's length, so every change here must be woken by its commit (OutboxWritten).
 */
@IntegrationTest
@TestPropertySource(properties = "azalea.events.poll-interval=1h")
class InProcessAdminWritesTest extends AdminWritesScenarios {
}
