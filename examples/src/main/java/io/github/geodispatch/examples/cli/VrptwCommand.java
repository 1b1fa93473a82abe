package io.github.geodispatch.examples.cli;

import picocli.CommandLine.Command;

/** Placeholder until issue 4 lands; replaced by the implementation. */
@Command(name = "vrptw", mixinStandardHelpOptions = true, description = "Solve a Solomon VRPTW instance with the day-plan engine.")
public final class VrptwCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("vrptw is not implemented yet (issue 4)");
    }
}
