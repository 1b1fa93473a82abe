package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class VrptwCommandTest {
    private static final Path C201 = SampleData.path("solomon/C201.txt");
    private static final Path C1_2_1 = SampleData.path("homberger/C1_2_1.txt");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBuffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBuffer, true, StandardCharsets.UTF_8));
        try {
            int exit = GeodispatchCli.run(args);
            return new Run(exit, outBuffer.toString(StandardCharsets.UTF_8), errBuffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void writesAFeasibleSolutionJson() throws Exception {
        Path out = dir.resolve("sol/c201.json");

        // ended by a step count: the same answer on any machine at any load (the seconds only cap it)
        Run run = run("vrptw", "--instance", C201.toString(), "--steps", "500", "--seconds", "600", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("C201:").contains("feasible");
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(List.of(json.fieldNames().next())).containsExactly("instance");
        assertThat(json.get("instance").asText()).isEqualTo("C201");
        assertThat(json.get("vehicles").asInt()).isEqualTo(json.get("routes").size());
        assertThat(json.get("distance").asDouble()).isGreaterThan(500);
        Set<Integer> served = new HashSet<>();
        json.get("routes").forEach(route -> route.forEach(c -> assertThat(served.add(c.asInt())).isTrue()));
        assertThat(served).hasSize(100).doesNotContain(0);
    }

    @Test
    void readsAGehringHombergerInstanceWithItsFleet() throws Exception {
        Path out = dir.resolve("c1_2_1.json");

        Run run = run("vrptw", "--instance", C1_2_1.toString(), "--steps", "300", "--seconds", "600", "--out", out.toString(),
                "--quiet");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("instance").asText()).isEqualTo("C1_2_1");
        assertThat(json.get("vehicles").asInt()).isBetween(20, 50); // the file's fleet is 50; the best known uses 20
        Set<Integer> served = new HashSet<>();
        json.get("routes").forEach(route -> route.forEach(c -> assertThat(served.add(c.asInt())).isTrue()));
        assertThat(served).hasSize(200);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aStepLimitGivesTheSameAnswerTwice() throws Exception {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        for (Path out : List.of(first, second)) {
            assertThat(run("vrptw", "--instance", C201.toString(), "--steps", "500", "--seconds", "600", "--seed", "3",
                    "--out", out.toString(), "--quiet").exit()).isZero();
        }
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test
    void aMissingInstanceIsBadInput() {
        Run run = run("vrptw", "--instance", dir.resolve("nope.txt").toString(), "--seconds", "1", "--out",
                dir.resolve("x.json").toString());

        assertThat(run.exit()).isEqualTo(GeodispatchCli.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("vrptw: cannot read file");
    }

    @Test
    void aMalformedInstanceNamesTheLine() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "BAD\n\nVEHICLE\nNUMBER CAPACITY\n 2 50\n\nCUSTOMER\n0 0 0 0 0 100\n");

        Run run = run("vrptw", "--instance", bad.toString(), "--seconds", "1", "--out", dir.resolve("x.json").toString());

        assertThat(run.exit()).isEqualTo(GeodispatchCli.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("vrptw: Solomon file line 8: expected 7 columns");
    }
}
