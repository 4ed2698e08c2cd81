package com.azalea.products.ingest;

import com.azalea.products.system.CliErrors;

/** The source files cannot be ingested as given; the message tells the user what to fix. */
public class IngestInputException extends CliErrors.UserError {

    public IngestInputException(String message) {
        super(message, CliErrors.BAD_INPUT);
    }
}
