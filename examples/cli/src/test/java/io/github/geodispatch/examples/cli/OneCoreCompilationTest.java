package io.github.geodispatch.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The journal commands and attendance leave C2 out of their own JVM on one processor, for an input short enough, and
 * only then.
 */
class OneCoreCompilationTest {

    private static final ToLongFunction<Path> SHORT = journal -> 80_000_000L;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"audit", "stock", "contracts", "invoice"})
    void aJournalCommandOnOneProcessorLeavesOutC2(String command) {
        String[] args = {command, "--journal", "j.jsonl", "--out", "x"};

        assertThat(OneCoreCompilation.wanted(args, 1, SHORT)).isTrue();
        assertThat(OneCoreCompilation.wanted(args, 2, SHORT)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"city-day", "city-week", "vrptw", "gstin", "quickstart", "--help"})
    void theSimulationsThePlannerAndTheRestKeepC2(String command) {
        assertThat(OneCoreCompilation.wanted(new String[] {command, "--journal", "j.jsonl"}, 1, SHORT)).isFalse();
    }

    @Test
    void aJournalLongEnoughForC2ToRepayItselfKeepsC2() {
        String[] args = {"audit", "--journal", "j.jsonl"};
        long limit = OneCoreCompilation.JOURNAL_C2_REPAYS_FROM_BYTES;

        assertThat(OneCoreCompilation.wanted(args, 1, journal -> limit - 1)).isTrue();
        assertThat(OneCoreCompilation.wanted(args, 1, journal -> limit)).isFalse();
    }

    @Test
    void attendanceMeasuresItsPingsAgainstItsOwnThreshold() {
        String[] args = {"attendance", "--fences", "f.geojson", "--pings", "p.csv", "--out", "v.jsonl"};
        long limit = OneCoreCompilation.PINGS_C2_REPAYS_FROM_BYTES;
        ToLongFunction<Path> pingsOnly = file -> file.equals(Path.of("p.csv")) ? limit - 1 : Long.MAX_VALUE;

        assertThat(OneCoreCompilation.wanted(args, 1, pingsOnly)).isTrue();
        assertThat(OneCoreCompilation.wanted(args, 2, pingsOnly)).isFalse();
        assertThat(OneCoreCompilation.wanted(args, 1, file -> limit)).isFalse();
        String[] noPings = {"attendance", "--journal", "p.csv"};
        assertThat(OneCoreCompilation.wanted(noPings, 1, pingsOnly)).isFalse();
        assertThat(limit).as("a pings file repays C2 far sooner than a journal")
                .isLessThan(OneCoreCompilation.JOURNAL_C2_REPAYS_FROM_BYTES);
    }

    @Test
    void noArgumentsOrNoJournalKeepC2() {
        assertThat(OneCoreCompilation.wanted(new String[0], 1, SHORT)).isFalse();
        assertThat(OneCoreCompilation.wanted(new String[] {"audit", "--as-of", "2026-11-25T09:00+05:30"}, 1, SHORT))
                .isFalse();
        assertThat(OneCoreCompilation.wanted(new String[] {"audit", "--journal"}, 1, SHORT)).isFalse();
    }

    @Test
    void theJournalIsFoundInEitherSpelling() {
        String[] spaced = {"stock", "--as-of", "T", "--journal", "a.jsonl"};
        assertThat(OneCoreCompilation.argument(spaced, "--journal")).contains(Path.of("a.jsonl"));
        assertThat(OneCoreCompilation.argument(new String[] {"stock", "--journal=b.jsonl.gz"}, "--journal"))
                .contains(Path.of("b.jsonl.gz"));
        assertThat(OneCoreCompilation.argument(new String[] {"stock", "--journal=a\0b"}, "--journal")).isEmpty();
        assertThat(OneCoreCompilation.argument(new String[] {"stock", "--journals=c.jsonl"}, "--journal")).isEmpty();
    }

    @Test
    void aGzipJournalCountsAsItsSizeUncompressedAndAMissingOneAsEndless() throws IOException {
        byte[] lines = "{\"type\":\"technician\",\"id\":\"T-1\",\"branch\":\"BR-1\"}\n".repeat(1_000)
                .getBytes(StandardCharsets.UTF_8);
        Path plain = Files.write(dir.resolve("journal.jsonl"), lines);
        Path gzip = dir.resolve("journal.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(lines);
        }

        assertThat(OneCoreCompilation.plainBytes(plain)).isEqualTo(lines.length);
        assertThat(OneCoreCompilation.plainBytes(gzip)).isEqualTo(Files.size(gzip) * OneCoreCompilation.GZIP_RATIO);
        assertThat(OneCoreCompilation.plainBytes(dir.resolve("missing.jsonl"))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aJournalThatIsNotARegularFileIsNeitherReadNorMeasured() throws Exception {
        assertThat(OneCoreCompilation.plainBytes(dir)).isEqualTo(Long.MAX_VALUE);
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "a device file to read");
        assertThat(OneCoreCompilation.plainBytes(device)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void onlyAJvmCompilingInTiersWithC2LeavesItOut() {
        Map<String, String> tiered = Map.of("TieredCompilation", "true", "TieredStopAtLevel", "4",
                "CompilationMode", "default");

        assertThat(OneCoreCompilation.tieredWithC2(options(tiered))).isTrue();
        assertThat(OneCoreCompilation.tieredWithC2(options(with(tiered, "UseJVMCICompiler", "false")))).isTrue();
        // C2 alone: excluding it would leave every method interpreted
        assertThat(OneCoreCompilation.tieredWithC2(options(with(tiered, "TieredCompilation", "false")))).isFalse();
        assertThat(OneCoreCompilation.tieredWithC2(options(with(tiered, "CompilationMode", "high-only")))).isFalse();
        assertThat(OneCoreCompilation.tieredWithC2(options(with(tiered, "UseJVMCICompiler", "true")))).isFalse();
        // C1 alone already
        assertThat(OneCoreCompilation.tieredWithC2(options(with(tiered, "TieredStopAtLevel", "1")))).isFalse();
        assertThat(OneCoreCompilation.tieredWithC2(options(with(tiered, "CompilationMode", "quick-only")))).isFalse();
        assertThat(OneCoreCompilation.tieredWithC2(options(Map.of()))).isFalse();
    }

    @Test
    void everyCommandItMayApplyToIsASubcommandOfTheTool() {
        assertThat(new CommandLine(new GeodispatchCli()).getSubcommands().keySet())
                .containsAll(OneCoreCompilation.COMMANDS.keySet());
    }

    @Test
    void aJvmGivenOneProcessorTakesTheDirective() throws Exception {
        String printed = probe(1, "audit", "--journal", journal().toString());

        assertThat(printed).contains("applied=true");
        // the JVM lists ours above its default: C2 enabled in it, and excluding every method
        assertThat(printed.substring(0, printed.indexOf("Directive: (default)")).replaceAll("\\s+", " "))
                .contains("matching: *.*", "c2 directives: inline: - Enable:true Exclude:true");
    }

    @Test
    void aJvmWithC2AloneIsLeftAsItIs() throws Exception {
        String printed = probe(1, List.of("-XX:-TieredCompilation"), "audit", "--journal", journal().toString());

        assertThat(printed).contains("applied=false");
        assertThat(printed.split("Directive:", -1)).as("the default directive only").hasSize(2);
    }

    @Test
    void aJvmGivenTwoProcessorsIsLeftAsItIs() throws Exception {
        String printed = probe(2, "audit", "--journal", journal().toString());

        assertThat(printed).contains("applied=false");
        assertThat(printed.split("Directive:", -1)).as("the default directive only").hasSize(2);
    }

    private static Function<String, Optional<String>> options(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    private static Map<String, String> with(Map<String, String> options, String name, String value) {
        Map<String, String> changed = new HashMap<>(options);
        changed.put(name, value);
        return changed;
    }

    private Path journal() throws IOException {
        return Files.writeString(dir.resolve("journal.jsonl"),
                "{\"type\":\"technician\",\"id\":\"T-1\",\"branch\":\"BR-1\"}\n");
    }

    /** Runs {@link OneCoreCompilationProbe} in a JVM that sees {@code processors} processors. */
    private static String probe(int processors, String... args) throws IOException, InterruptedException {
        return probe(processors, List.of(), args);
    }

    /** Runs {@link OneCoreCompilationProbe} in a JVM seeing {@code processors} processors, with {@code options}. */
    private static String probe(int processors, List<String> options, String... args)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:ActiveProcessorCount=" + processors));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OneCoreCompilationProbe.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
