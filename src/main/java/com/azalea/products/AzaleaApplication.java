package com.azalea.products;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Azalea Products: a catalog write model (PostgreSQL) projected into ready JSON documents for reads.
 * One jar, several faces: the service itself and the batch commands, chosen on the command line.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AzaleaApplication {

    public static void main(String[] args) {
        int exitCode = AzaleaCommand.execute(args);
        if (exitCode != AzaleaCommand.SERVING) {
            System.exit(exitCode);
        }
    }
}
