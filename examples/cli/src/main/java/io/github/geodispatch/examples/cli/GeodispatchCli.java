package io.github.geodispatch.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The {@code geodispatch} command-line tool: one executable jar, one subcommand per capability.
 * Every subcommand has {@code --help}, ending with a runnable example, and {@code -V}; standard output's lines
 * are at most 100 columns ({@link LineWrapper}); every error ends with a one-line message and one of the
 * {@linkplain ExitCodes exit codes} every subcommand shares, never a stack trace.
 */
@Command(name = "geodispatch",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Field-service engine tools: attendance, dispatch, audit, billing, simulation.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.DONE_LINE,
                "1:done, with something to look at: findings, rejected lines, invalid values, an infeasible plan",
                ExitCodes.BAD_INPUT_LINE, ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE,
                "130:interrupted by Ctrl-C (vrptw writes its best plan first)"},
        subcommands = {
                CommandLine.HelpCommand.class,
                QuickstartCommand.class,
                AttendanceCommand.class,
                VrptwCommand.class,
                AuditCommand.class,
                GstinCommand.class,
                InvoiceCommand.class,
                StockReportCommand.class,
                CityDayCommand.class,
                CityWeekCommand.class,
                ContractsCommand.class,
        },
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "quickstart"})
public final class GeodispatchCli implements Runnable {

    /** Exit code for bad input (arguments, files, formats); see {@link ExitCodes}. */
    public static final int EXIT_BAD_INPUT = ExitCodes.BAD_INPUT;

    public static void main(String[] args) {
        OneCoreCompilation.applyIfWanted(args);
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code; used by {@link #main} and by tests. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new GeodispatchCli());
        // every subcommand's -V prints the tool's version (a subcommand's own version would otherwise be empty)
        Version version = new Version();
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // the message may quote the input: one line, as every problem printed
            commandLine.getErr().println(commandLine.getCommandName() + ": " + InputCheck.oneLine(CliErrors.describe(ex)));
            return CliErrors.exitCode(ex);
        });
        LineWrapper stdout = new LineWrapper(cli.getOut());
        cli.setOut(new PrintWriter(stdout, true));
        try {
            return cli.execute(args);
        } finally {
            try {
                stdout.close(); // writes a last line left without a line break; System.out itself stays open
            } catch (IOException e) {
                System.err.println("geodispatch: cannot write to standard output: " + e.getMessage());
            }
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
