package com.azalea.products.system;

import java.net.ConnectException;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failed command into one clear line on stderr and a non-zero exit code, never a stack trace. */
public final class CliErrors implements IExecutionExceptionHandler {

    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int DATABASE_UNREACHABLE = 3;
    /** The verifier found the read model differing from the write model. */
    public static final int DRIFT = 4;

    /** Failures whose message is written for the user. */
    public static class UserError extends RuntimeException {
        private final int exitCode;

        public UserError(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof UserError user) {
            err.println("error: " + user.getMessage());
            return user.exitCode;
        }
        Throwable database = databaseConnectionFailure(e);
        if (database != null) {
            err.println("error: cannot reach the database: " + database.getMessage()
                    + "\n  (set it with --spring.datasource.url=... or SPRING_DATASOURCE_URL)");
            return DATABASE_UNREACHABLE;
        }
        Throwable root = rootCause(e);
        err.println("error: " + (root.getMessage() != null ? root.getMessage() : root.toString()));
        return FAILED;
    }

    private static Throwable databaseConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || (t instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000")))) {
                return t;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
