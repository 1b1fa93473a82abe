package io.github.geodispatch.examples.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every subcommand lists the shared exit codes in its {@code --help}. */
class ExitCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"attendance", "audit", "invoice", "contracts", "gstin", "vrptw", "city-day", "quickstart"})
    void everyHelpListsTheSharedExitCodes(String command) {
        Cli help = Cli.run(command, "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("Exit codes: 0 ",
                " 2 bad arguments or unusable input (nothing is written)", " 4 internal error, a bug (please report it)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"attendance", "audit", "invoice", "contracts", "vrptw", "city-day"})
    void everyCommandThatWritesFilesListsTheOutputCode(String command) {
        assertThat(Cli.run(command, "--help").out().replaceAll("\\s+", " "))
                .contains(" 3 an output could not be written (nothing partial is left)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"attendance", "audit", "invoice", "contracts", "gstin", "vrptw", "city-day", "quickstart"})
    void aMissingOrUnknownArgumentIsExitTwo(String command) {
        Cli cli = Cli.run(command, "--no-such-option");

        assertThat(cli.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).containsAnyOf("Unknown option: '--no-such-option'", "Missing required").doesNotContain("WARN");
    }
}
