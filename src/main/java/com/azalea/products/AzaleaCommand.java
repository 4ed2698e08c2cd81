package com.azalea.products;

import com.azalea.products.generate.GenerateCommand;
import com.azalea.products.ingest.IngestCommand;
import com.azalea.products.projection.ProjectCommand;
import com.azalea.products.projection.VerifyCommand;
import com.azalea.products.system.CliErrors;
import com.azalea.products.system.SpringCommand;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: without a subcommand it starts the service; batch jobs are subcommands. */
@Command(name = "azalea-products", mixinStandardHelpOptions = true, version = "azalea-products 0.1",
        description = "Serves the Atelier product catalog from precomputed documents; with a subcommand, runs a batch job.",
        subcommands = {GenerateCommand.class, IngestCommand.class, ProjectCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Spring Boot properties may follow any command, e.g. --spring.datasource.url=jdbc:postgresql://host/db"})
public class AzaleaCommand extends SpringCommand implements Callable<Integer> {

    /** The exit code that tells main the service is up and the JVM must stay alive. */
    static final int SERVING = -1;

    static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new AzaleaCommand()).setExecutionExceptionHandler(new CliErrors());
    }

    @Override
    public Integer call() {
        SpringApplication.run(AzaleaApplication.class, springArgs());
        return SERVING;
    }
}
