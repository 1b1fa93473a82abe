package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.OutputException;
import io.github.geodispatch.examples.OutputFiles;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.time.DateTimeException;

/** Turns an exception into the one line a CLI user should read, and the exit code it ends with. */
final class CliErrors {
    private CliErrors() {}

    /** The exit code for an exception a command threw: see {@link ExitCodes}. */
    static int exitCode(Throwable ex) {
        Throwable cause = unwrap(ex);
        if (cause instanceof OutputException) {
            return ExitCodes.CANNOT_WRITE;
        }
        if (cause instanceof IOException || cause instanceof IllegalArgumentException
                || cause instanceof DateTimeException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    static String describe(Throwable ex) {
        Throwable cause = unwrap(ex);
        if (cause instanceof OutputException) {
            return cause.getMessage();
        }
        if (cause instanceof FileSystemException f && f.getFile() != null) {
            return "cannot read " + f.getFile() + ": " + OutputFiles.reason(f);
        }
        if (cause instanceof FileNotFoundException) {
            return "cannot read " + cause.getMessage();
        }
        String message = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        if (exitCode(cause) == ExitCodes.INTERNAL_ERROR) {
            StackTraceElement[] where = cause.getStackTrace();
            return "internal error: " + cause.getClass().getSimpleName() + ": " + message
                    + (where.length > 0 ? " (at " + where[0] + ")" : "") + "; please report it";
        }
        return message;
    }

    private static Throwable unwrap(Throwable ex) {
        return ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
    }
}
