package com.azalea.products.system;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command that starts the application context: Spring Boot properties given on its command line
 * ({@code --spring.datasource.url=...}) are handed to the context; any other unknown argument is still
 * a usage error.
 */
public abstract class SpringCommand {

    @Unmatched
    private List<String> unmatched = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    protected String[] springArgs() {
        for (String arg : unmatched) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 3) {
                throw new ParameterException(spec.commandLine(), "Unknown option or parameter: '" + arg + "'");
            }
        }
        return unmatched.toArray(String[]::new);
    }
}
