package com.azalea.products.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.projection.Drift.State;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.ServiceProcess;
import com.azalea.products.support.TestCatalog;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A full rebuild in another process, killed with SIGKILL halfway: the catch-up the service runs at
 * start leaves no missing or stale document, in the table or in Redis.
 */
@IntegrationTest
class KilledRebuildTest {

    @Autowired
    TestCatalog catalog;
    @Autowired
    StaleDocuments staleDocuments;
    @Autowired
    ReadModelVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    @Test
    void aRebuildKilledHalfwayIsCaughtUpAtStart(@TempDir Path dir, @TempDir Path logs) throws Exception {
        catalog.loadAndProject(dir, 0.01, 17);
        long products = jdbc.sql("SELECT count(*) FROM products").query(Long.class).single();
        // as after a new ingest: every document is now behind its product
        jdbc.sql("UPDATE products SET version = nextval('catalog_version')").update();

        Process rebuilding = new ProcessBuilder(ServiceProcess.command(environment, "project", "--all", "--azalea.projection.batch-size=20", "--azalea.projection.workers=1"))
                .redirectErrorStream(true).redirectOutput(logs.resolve("rebuild.log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> fresh() > 0);
        rebuilding.destroyForcibly().waitFor(); // SIGKILL
        long freshAtKill = fresh();
        assertThat(freshAtKill).as("killed halfway").isBetween(1L, products - 1);

        int caughtUp = staleDocuments.catchUp();

        assertThat(caughtUp).isEqualTo(products - freshAtKill);
        VerifyReport report = verifier.verify(false);
        assertThat(report.drifting()).as(report.summary()).isFalse();
        assertThat(report.found().table().get(State.EQUAL)).isEqualTo(products);
        assertThat(report.found().cache().get(State.DIFFERING)).isZero();
    }

    private long fresh() {
        return jdbc.sql("SELECT count(*) FROM products p JOIN product_documents d ON d.product_id = p.id AND d.version = p.version")
                .query(Long.class).single();
    }
}
