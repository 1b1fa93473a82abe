package io.github.geodispatch.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code geodispatch} command-line tool: one executable jar, one subcommand per capability.
 * Every subcommand has {@code --help}; bad arguments and unreadable files end with a one-line message
 * and a non-zero exit code, never a stack trace.
 */
@Command(name = "geodispatch",
        mixinStandardHelpOptions = true,
        version = "geodispatch 0.1.0",
        description = "Field-service engine tools: attendance, dispatch, audit, billing, simulation.",
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
                ContractsCommand.class,
        })
public final class GeodispatchCli implements Runnable {

    /** Exit code for bad input (arguments, files, formats). */
    public static final int EXIT_BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code; used by {@link #main} and by tests. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new GeodispatchCli());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + CliErrors.describe(ex));
            return EXIT_BAD_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
