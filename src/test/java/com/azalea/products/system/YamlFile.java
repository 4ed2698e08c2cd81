package com.azalea.products.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The repository's YAML files as the tests that check them read them: a node of an unexpected kind fails the test. */
final class YamlFile {

    /** A compose command {@code java [JVM options] -jar <jar> [arguments]}, joined by spaces: group 1 is the jar. */
    static final Pattern JAVA_RUN = Pattern.compile("java (?:-XX:\\S+ )*-jar (\\S+)");

    private YamlFile() {
    }

    /** Whether a compose command runs the service itself: the jar with JVM options and no arguments. */
    static boolean servesTheJar(List<Object> command) {
        String joined = String.join(" ", command.stream().map(String::valueOf).toList());
        return JAVA_RUN.matcher(joined).matches();
    }

    static Map<String, Object> load(String file) throws IOException {
        return map(new Yaml().load(Files.readString(Path.of(file))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object yaml) {
        assertThat(yaml).isInstanceOf(Map.class);
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object yaml) {
        assertThat(yaml).isInstanceOf(List.class);
        return (List<Object>) yaml;
    }
}
