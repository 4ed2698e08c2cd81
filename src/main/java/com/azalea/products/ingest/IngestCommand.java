package com.azalea.products.ingest;

import com.azalea.products.system.BatchContext;
import com.azalea.products.system.SpringCommand;
import com.azalea.products.projection.FullRebuild;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Loads the six Atelier CSV files (product.csv, features.csv, styles.csv, photos.csv, skus.csv,"
                + " related.csv) into the write model, replacing the catalog in one transaction.",
                "Lines that cannot be loaded (broken quoting, bad values, duplicate ids, missing parents) are kept in"
                + " the table ingest_rejects with their reason; a summary per file and reason is printed at the end."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:catalog loaded", "1:the load failed (the previous catalog is kept)",
                "2:bad input: missing directory or file, wrong header", "3:the database cannot be reached"})
public class IngestCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Directory holding the six CSV files.")
    Path dir;

    @Option(names = "--no-project", description = "Load only; do not rebuild the read documents afterwards (then run: project --all).")
    boolean noProject;

    @Override
    public Integer call() {
        String[] springArgs = springArgs();
        SourceDirectory source = SourceDirectory.check(dir); // before connecting: bad input fails fast
        try (var context = BatchContext.start(springArgs)) {
            IngestReport report = context.getBean(CatalogIngest.class).ingest(source);
            System.out.print(report.format());
            if (!noProject) {
                System.out.println(context.getBean(FullRebuild.class).rebuild().summary());
            }
        }
        return 0;
    }
}
