package io.github.geodispatch.examples.cli;

import picocli.CommandLine.Command;

/** Placeholder until issue 6 lands; replaced by the implementation. */
@Command(name = "gstin", mixinStandardHelpOptions = true, description = "Validate GSTINs.")
public final class GstinCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("gstin is not implemented yet (issue 6)");
    }
}
