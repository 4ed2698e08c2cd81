package com.azalea.products.support;

import com.azalea.products.AzaleaApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/** The application in a JVM of its own, on the test's classpath and on the services the test uses. */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    /** The command line that runs the application with {@code args}, pointed at the test's PostgreSQL and Redis (or Redis Cluster). */
    public static List<String> command(Environment environment, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                AzaleaApplication.class.getName()));
        command.addAll(List.of(args));
        for (String property : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.data.redis.host", "spring.data.redis.port", "spring.data.redis.database")) {
            command.add("--" + property + "=" + environment.getProperty(property, ""));
        }
        String clusterNodes = environment.getProperty("spring.data.redis.cluster.nodes");
        if (clusterNodes != null) { // the test's context runs on the Redis Cluster: so does this process
            command.add("--spring.data.redis.cluster.nodes=" + clusterNodes);
        }
        return command;
    }
}
