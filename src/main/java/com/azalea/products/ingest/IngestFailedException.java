package com.azalea.products.ingest;

import com.azalea.products.system.CliErrors;

/** An ingest run that stopped part-way; its transaction was rolled back. */
public class IngestFailedException extends CliErrors.UserError {

    public IngestFailedException(String message, Throwable cause) {
        super(message, CliErrors.FAILED);
        initCause(cause);
    }
}
