package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every subcommand lists the shared exit codes in its {@code --help}. */
class ExitCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"attendance", "audit", "invoice", "stock", "contracts", "gstin", "vrptw", "city-day", "city-week",
            "quickstart"})
    void everyHelpListsTheSharedExitCodes(String command) {
        Cli help = Cli.run(command, "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("Exit codes: 0 ",
                " 2 bad arguments or unusable input (nothing is written)", " 4 internal error, a bug (please report it)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"attendance", "audit", "invoice", "stock", "contracts", "vrptw", "city-day", "city-week"})
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

    /** A zone that is none is refused before anything is read, in the same words by every subcommand that takes one. */
    @ParameterizedTest
    @ValueSource(strings = {"attendance", "audit", "invoice", "contracts", "stock"})
    void aZoneThatIsNoneIsExitTwoNamingTheOption(String command, @TempDir Path tmp) {
        String journal = SampleData.path("hostile/one-job.jsonl").toString();
        String[] args = switch (command) {
            case "attendance" -> new String[] {"--fences", SampleData.path("attendance/fences.geojson").toString(),
                    "--pings", SampleData.path("attendance/pings.csv").toString(), "--out", tmp.resolve("v.jsonl").toString()};
            case "invoice" -> new String[] {"--journal", journal, "--seller", SampleData.path("gst/seller.json").toString(),
                    "--out", tmp.resolve("out").toString()};
            default -> new String[] {"--journal", journal, "--as-of", "2026-12-01T00:00:00+05:30",
                    "--out", tmp.resolve("out").toString()};
        };
        List<String> withZone = new ArrayList<>(List.of(command));
        withZone.addAll(List.of(args));
        withZone.addAll(List.of("--zone", "EST"));
        Cli cli = Cli.run(withZone.toArray(String[]::new));

        assertThat(cli.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).isEqualTo(command + ": --zone must be a time zone, such as Asia/Kolkata or +05:30, was 'EST'"
                + System.lineSeparator());
    }
}
