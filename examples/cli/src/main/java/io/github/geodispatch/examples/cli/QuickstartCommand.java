package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.QuickStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code geodispatch quickstart}: runs {@link QuickStart} and prints the job's history. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Embed the engine, run one job from creation to CLOSED, print its history.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.DONE_LINE, ExitCodes.BAD_INPUT_LINE, ExitCodes.INTERNAL_LINE})
public final class QuickstartCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        QuickStart.run(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return ExitCodes.DONE;
    }
}
