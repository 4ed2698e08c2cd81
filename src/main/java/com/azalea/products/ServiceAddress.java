package com.azalea.products;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says in one line of the start log where the service listens and what it serves there. */
@Component
class ServiceAddress {

    private static final Logger log = LoggerFactory.getLogger(ServiceAddress.class);

    @EventListener
    void announce(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a management server on a port of its own
        }
        log.info("listening on http://localhost:{}: the read API at /products, the admin API at /admin, health at /actuator/health, "
                + "the API description at /v3/api-docs", event.getWebServer().getPort());
    }
}
