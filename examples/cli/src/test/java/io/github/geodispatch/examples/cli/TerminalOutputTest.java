package io.github.geodispatch.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** What every subcommand prints on a terminal or into a file: line widths, {@code -V}, the help's example. */
class TerminalOutputTest {
    private static final String JAR = "java -jar examples/target/geodispatch.jar";

    /** Every subcommand but picocli's own {@code help}, from the tool itself, so a new one is checked too. */
    static Stream<String> subcommands() {
        return new CommandLine(new GeodispatchCli()).getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
    }

    /** The subcommands and the tool itself (no name). */
    static Stream<List<String>> commands() {
        return Stream.concat(Stream.of(List.<String>of()), subcommands().map(List::of));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void versionPrintsTheToolsVersion(List<String> command) {
        for (String flag : List.of("-V", "--version")) {
            List<String> args = new ArrayList<>(command);
            args.add(flag);
            Cli run = Cli.run(args.toArray(String[]::new));
            assertThat(run.exit()).as(run.printed()).isZero();
            assertThat(run.out().strip()).isEqualTo("geodispatch " + Version.number());
        }
        assertThat(Version.number()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpEndsWithOneExampleThatParsesAndNamesSampleDataThatExists(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        Cli run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().strip().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(LineWrapper.WIDTH));
        assertThat(lines.stream().filter(line -> line.equals("Example:"))).hasSize(1);
        List<String> example = lines.subList(lines.indexOf("Example:") + 1, lines.size());
        assertThat(example.get(0)).startsWith("  " + JAR + " " + String.join("", command));
        for (String line : example.subList(0, example.size() - 1)) {
            assertThat(line).endsWith(" \\");
        }

        String joined = String.join(" ", example).replace(" \\", " ").strip();
        List<String> tokens = Arrays.asList(joined.substring(JAR.length()).strip().split(" +"));
        assertThatCode(() -> new CommandLine(new GeodispatchCli()).parseArgs(tokens.toArray(String[]::new)))
                .as(joined).doesNotThrowAnyException();
        tokens.stream().filter(token -> token.startsWith(SampleData.DIRECTORY + "/"))
                .forEach(path -> assertThat(SampleData.path(path.substring(SampleData.DIRECTORY.length() + 1))).exists());
    }

    @Test
    void everyLineOfEverySubcommandOnTheSampleDataFitsOneHundredColumns(@TempDir Path dir) {
        List<String[]> runs = List.of(
                new String[] {"quickstart"},
                new String[] {"attendance", "--fences", data("attendance/fences.geojson"), "--pings",
                        data("attendance/pings.csv"), "--out", dir.resolve("visits.jsonl").toString()},
                new String[] {"audit", "--journal", data("contracts/journal.jsonl"), "--as-of", "2026-11-30T18:00:00+05:30",
                        "--out", dir.resolve("findings.jsonl").toString()},
                new String[] {"invoice", "--journal", data("journal/journal.jsonl"), "--seller", data("gst/seller.json"),
                        "--out", dir.resolve("invoices").toString()},
                new String[] {"stock", "--journal", data("stock/journal.jsonl"), "--as-of", "2026-11-10T00:00:00+05:30",
                        "--out", dir.resolve("stock").toString()},
                new String[] {"gstin", "27AAACR5055K1Z7", "06aabcf5150g1zz", "29AABCF8078M1C8", "27AAACR5055K1Z8"},
                new String[] {"contracts", "--journal", data("contracts/journal.jsonl"), "--as-of",
                        "2026-11-30T18:00:00+05:30", "--out", dir.resolve("contracts").toString()},
                new String[] {"vrptw", "--instance", data("solomon/C101.txt"), "--steps", "200", "--seconds", "600",
                        "--out", dir.resolve("c101.json").toString()},
                new String[] {"city-day", "--technicians", "12", "--jobs", "60", "--plan-steps", "5",
                        "--out", dir.resolve("city-day").toString()});
        assertThat(runs.stream().map(args -> args[0])).containsExactlyInAnyOrderElementsOf(subcommands().toList());
        for (String[] args : runs) {
            Cli run = Cli.run(args);
            assertThat(run.exit()).as(args[0] + ": " + run.err()).isLessThan(ExitCodes.BAD_INPUT);
            assertThat(run.out()).as(args[0]).isNotBlank();
            assertThat(run.printed()).as(args[0]).doesNotContain("\r");
            assertThat(run.printed().lines()).as(args[0])
                    .allSatisfy(line -> assertThat(line.codePointCount(0, line.length()))
                            .as(args[0] + ": " + line).isLessThanOrEqualTo(LineWrapper.WIDTH));
        }
    }

    @Test
    void cityDayIntoAFileNamesEachPhaseOnItsOwnLine(@TempDir Path dir) throws Exception {
        Cli run = Cli.run("city-day", "--technicians", "6", "--jobs", "12", "--plan-steps", "2",
                "--out", dir.resolve("day").toString());
        assertThat(run.exit()).as(run.printed()).isZero();
        List<String> phases = run.out().lines().takeWhile(line -> !line.startsWith("geodispatch city-day")).toList();
        assertThat(phases).hasSize(12);
        assertThat(phases.stream().filter(line -> line.endsWith(" ...")))
                .containsExactly(" building the world ...", " simulating 07:00-08:00 ...", " the morning plan ...",
                        " simulating 08:00-21:30 ...", " auditing the day ...", " writing the report ...");
        assertThat(phases.stream().filter(line -> line.matches(" .+: done in \\d+\\.\\d s"))).hasSize(6);
        assertThat(Files.list(dir.resolve("day")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("report.html", "journal.jsonl");

        Cli quiet = Cli.run("city-day", "--technicians", "6", "--jobs", "12", "--plan-steps", "2", "--no-progress",
                "--out", dir.resolve("day").toString());
        assertThat(quiet.out()).startsWith("geodispatch city-day");
    }

    private static String data(String relative) {
        return SampleData.path(relative).toString();
    }
}
