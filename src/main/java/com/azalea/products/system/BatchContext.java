package com.azalea.products.system;

import com.azalea.products.AzaleaApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application context of a batch command: no web server, quiet logs except the job's own. */
public final class BatchContext {

    private BatchContext() {
    }

    public static ConfigurableApplicationContext start(String... springArgs) {
        return new SpringApplicationBuilder(AzaleaApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // a batch job's statements (COPY, index builds) may run for minutes
                .properties("logging.level.root=WARN", "logging.level.com.azalea=INFO",
                        "spring.datasource.hikari.data-source-properties.socketTimeout=0")
                .run(springArgs);
    }
}
