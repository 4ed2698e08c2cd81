package com.azalea.products.projection;

import com.azalea.products.system.BatchContext;
import com.azalea.products.system.CliErrors;
import com.azalea.products.system.SpringCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recomputes every product's documents from the write model and compares them with the table"
                + " product_documents and with Redis: counts equal, differing, missing and extra documents (and list entries and listings in Redis).",
                "Drift is a wrong or missing row of the table or a wrong document in Redis; a document Redis lacks"
                        + " is counted but is not drift (a read refills it).",
                "Exit code 0 without drift, " + CliErrors.DRIFT + " with drift. Changes made while it runs may show as drift:"
                        + " run it again, or with --repair."})
public class VerifyCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--repair", description = "Reproject every product found drifting (or missing from Redis), then check those again.")
    boolean repair;

    @Override
    public Integer call() {
        try (var context = BatchContext.start(springArgs())) {
            VerifyReport report = context.getBean(ReadModelVerifier.class).verify(repair);
            System.out.println(report.summary());
            return report.drifting() ? CliErrors.DRIFT : 0;
        }
    }
}
