package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.QuickStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code geodispatch quickstart}: runs {@link QuickStart} and prints the job's history. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Embed the engine and run one job from creation to CLOSED through the front door: its history, "
                + "its hash chain verified, the owner's view; then what to read next."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.DONE_LINE, ExitCodes.BAD_INPUT_LINE, ExitCodes.INTERNAL_LINE},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "quickstart"})
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
