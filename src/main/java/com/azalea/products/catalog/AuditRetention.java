package com.azalea.products.catalog;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit trail for {@code azalea.admin.audit.retention} (90 days by default): every hour, and once
 * soon after the start, entries older than that are deleted, a batch at a time, so that no long
 * transaction holds the table. Every instance trims; they only share the work.
 */
@Component
@EnableScheduling
@ConditionalOnWebApplication
class AuditRetention {

    /** @param retention how long an entry is kept */
    @ConfigurationProperties("azalea.admin.audit")
    record Properties(Duration retention) {
        Properties {
            if (retention == null || retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("azalea.admin.audit.retention must be a positive duration, such as 90d");
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Properties properties;

    AuditRetention(JdbcClient jdbc, Properties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "1m", fixedDelayString = "1h")
    void scheduled() {
        trim();
    }

    /** @return how many entries were deleted */
    long trim() {
        long deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                    DELETE FROM admin_audit WHERE id IN (
                        SELECT id FROM admin_audit WHERE at < now() - CAST(:retention AS interval) ORDER BY id LIMIT :batch)
                    """).param("retention", properties.retention().toSeconds() + " seconds").param("batch", BATCH).update();
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            log.info("audit trail: {} entries older than {} deleted", deleted, properties.retention());
        }
        return deleted;
    }
}
