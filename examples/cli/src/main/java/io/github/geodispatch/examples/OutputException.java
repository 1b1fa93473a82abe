package io.github.geodispatch.examples;

import java.io.IOException;

/** An output that could not be written; the message names the write ("cannot write X in DIR: reason"). */
public final class OutputException extends IOException {
    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
