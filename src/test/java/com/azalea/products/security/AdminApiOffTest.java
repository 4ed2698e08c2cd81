package com.azalea.products.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.catalog.AdminClient;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestIssuer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** Neither a static token nor an issuer configured: every admin request is a 401, which says why. */
@IntegrationTest
@TestPropertySource(properties = {"azalea.admin.token=", TestIssuer.Trusted.NONE})
class AdminApiOffTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void everyAdminRequestIsRefused() {
        AdminClient client = new AdminClient(port);
        for (String authorization : new String[] {null, "Bearer " + IntegrationTest.ADMIN_TOKEN,
                "Bearer " + TestIssuer.get().token("feed", "catalog:write")}) {
            HttpResponse<String> response = client.withoutToken("PATCH", "/admin/skus/1", "{\"quantity\": 1}", authorization);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(client.json(client.withoutToken("GET", "/admin/audit", null, null).body()).get("detail").asString())
                .startsWith("the admin API is disabled");
    }
}
