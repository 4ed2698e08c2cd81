package com.azalea.products.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole application on real services, on a random port. All such tests of the run share one
 * context, and those with properties of their own one per set of properties: Spring's context cache keeps
 * them, paused (their relay, consumer and subscriptions stopped) while another is in use.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"azalea.first-start.sample-scale=0", "azalea.admin.token=" + IntegrationTest.ADMIN_TOKEN,
        // the run keeps every context it made (paused while another is in use): each holds only the connections it needs
        "spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000"})
@Import({TestServices.class, SqlStatements.class, TestCatalog.class})
@ContextConfiguration(initializers = TestIssuer.Trusted.class)
public @interface IntegrationTest {

    String ADMIN_TOKEN = "test-admin-token";
}
