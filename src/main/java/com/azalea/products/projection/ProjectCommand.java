package com.azalea.products.projection;

import com.azalea.products.system.BatchContext;
import com.azalea.products.system.SpringCommand;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "project", mixinStandardHelpOptions = true,
        description = {"Builds the read documents (product, styles, related, list entry) from the write model into the table"
                + " product_documents and mirrors them to Redis.",
                "The service keeps serving meanwhile: each document is replaced in place, never removed first."})
public class ProjectCommand extends SpringCommand implements Callable<Integer> {

    static final class Target {
        @Option(names = "--all", required = true, description = "Rebuild the documents of every product (and drop those of deleted products).")
        boolean all;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "Reproject one product.")
        Long id;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Override
    public Integer call() {
        String[] springArgs = springArgs();
        try (var context = BatchContext.start(springArgs)) {
            if (target.all) {
                System.out.println(context.getBean(FullRebuild.class).rebuild().summary());
            } else {
                context.getBean(Projector.class).project(target.id);
                System.out.printf(Locale.ROOT, "projected product %d%n", target.id);
            }
        }
        return 0;
    }
}
