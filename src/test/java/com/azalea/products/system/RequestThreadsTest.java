package com.azalea.products.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azalea.products.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The request threads run below the threads that carry an admin write to the readers, as Linux sees them:
 * the test JVM has the option bin/azalea starts the service with ({@code -XX:ThreadPriorityPolicy=1}, pom.xml).
 */
@IntegrationTest
class RequestThreadsTest {

    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void requestThreadsRunAtNice4AndTheOutboxRelayAtNice0() {
        assumeTrue(Files.isDirectory(TASKS), "Linux's /proc");
        assertThat(nicesOf("http-request-")).isNotEmpty().containsOnly(4);
        assertThat(nicesOf("outbox-relay")).isNotEmpty().containsOnly(0);
    }

    /** The nice value of each thread of this JVM whose name (as Linux keeps it, 15 characters) starts with {@code prefix}. */
    private static List<Integer> nicesOf(String prefix) {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.filter(task -> read(task.resolve("comm")).startsWith(prefix))
                    .map(task -> read(task.resolve("stat")))
                    .filter(stat -> !stat.isEmpty())
                    // after "pid (name)": state is field 3, nice field 19
                    .map(stat -> Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19 - 3]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) { // the thread ended meanwhile
            return "";
        }
    }
}
