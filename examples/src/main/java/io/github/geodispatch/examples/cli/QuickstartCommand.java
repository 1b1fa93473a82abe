package io.github.geodispatch.examples.cli;

import picocli.CommandLine.Command;

/** Placeholder until issue 2 lands; replaced by the implementation. */
@Command(name = "quickstart", mixinStandardHelpOptions = true, description = "Embed the engine, run one job from creation to CLOSED, print its history.")
public final class QuickstartCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("quickstart is not implemented yet (issue 2)");
    }
}
