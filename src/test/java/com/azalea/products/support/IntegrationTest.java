package com.azalea.products.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A test of the whole application on real services, on a random port; all such tests share one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"azalea.first-start.sample-scale=0", "azalea.admin.token=" + IntegrationTest.ADMIN_TOKEN})
@Import({TestServices.class, SqlStatements.class, TestCatalog.class})
public @interface IntegrationTest {

    String ADMIN_TOKEN = "test-admin-token";
}
