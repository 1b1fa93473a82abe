package io.github.geodispatch.examples.cli;

import io.github.geodispatch.dispatch.plan.internal.VrptwInstance;
import io.github.geodispatch.testdata.SampleData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VrptwCommandTest {
    private static final Path C201 = SampleData.path("solomon/C201.txt");
    private static final Path C1_2_1 = SampleData.path("homberger/C1_2_1.txt");
    private static final String HEADER = "TINY\n\nVEHICLE\nNUMBER CAPACITY\n";
    private static final String CUSTOMERS = "\nCUSTOMER\n0 0 0 0 0 100 0\n1 3 4 5 0 50 1\n2 6 8 5 0 50 1\n";

    @TempDir
    Path dir;

    /** The JSON, the exit code and the printed line agree with the routes (a solve ended by steps: the same plan on any machine). */
    @Test
    void writesASolutionJsonThatSaysWhetherItIsFeasibleAndWhyNot() throws Exception {
        Path out = dir.resolve("sol/c201.json");

        Cli run = Cli.run("vrptw", "--instance", C201.toString(), "--steps", "200", "--seconds", "600", "--out", out.toString());

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("instance", "feasible", "violations", "interrupted", "vehicles", "distance", "routes");
        assertThat(json.get("instance").asText()).isEqualTo("C201");
        assertThat(json.get("interrupted").asBoolean()).isFalse();
        assertThat(json.get("vehicles").asInt()).isEqualTo(json.get("routes").size());
        Set<Integer> served = new HashSet<>();
        json.get("routes").forEach(route -> route.forEach(c -> assertThat(served.add(c.asInt())).isTrue()));
        assertThat(served).doesNotContain(0);
        boolean feasible = json.get("feasible").asBoolean();
        assertThat(json.get("violations").isEmpty()).isEqualTo(feasible);
        assertThat(run.exit()).as(run.printed()).isEqualTo(feasible ? ExitCodes.DONE : ExitCodes.DONE_WITH_FINDINGS);
        assertThat(run.out()).startsWith("C201: ").contains(feasible ? ", feasible -> " : ", INFEASIBLE (");
        if (served.size() < 100) {
            assertThat(json.get("violations").get(0).asText()).startsWith((100 - served.size()) + " customers not served");
        }
    }

    @Test
    void everyBrokenRuleOfAPlanIsAViolation() {
        VrptwInstance tiny = VrptwInstance.parse(HEADER + "2 11\n" + CUSTOMERS + "3 0 1 2 0 3 1\n");

        assertThat(VrptwCommand.violations(tiny, List.of(List.of(1, 2), List.of(3)))).isEmpty();
        assertThat(VrptwCommand.violations(tiny, List.of(List.of(1, 2, 3)))).containsExactly(
                "route 1: customer 3 served at 21.22, after its due date 3.00",
                "route 1: carries 12, more than the capacity 11");
        assertThat(VrptwCommand.violations(tiny, List.of(List.of(1), List.of(1), List.of(3)))).containsExactly(
                "1 customers not served (2)", "3 routes, more than the 2 vehicles", "route 2: customer 1 is served twice");
        VrptwInstance early = VrptwInstance.parse(HEADER + "2 80\n\nCUSTOMER\n0 0 0 0 0 12 0\n1 3 4 5 0 50 1\n2 6 8 5 0 50 1\n");
        assertThat(VrptwCommand.violations(early, List.of(List.of(1, 2)))).containsExactly(
                "route 1: back at the depot at 22.00, after it closes at 12.00");
    }

    @Test
    void integerFieldsMustBeWholeNumbersInRangeNamingTheLineAndField() throws Exception {
        for (String vehicles : List.of("2.7", "1e12", "0", "10001", "two")) {
            Path bad = Files.writeString(dir.resolve("v.txt"), HEADER + vehicles + " 200\n" + CUSTOMERS);
            Cli run = Cli.run("vrptw", "--instance", bad.toString(), "--seconds", "1", "--out", dir.resolve("x.json").toString());
            assertThat(run.exit()).as(vehicles).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err().strip()).as(vehicles).isEqualTo("vrptw: Solomon file line 5: vehicle number must be a "
                    + "whole number from 1 to 10000, was '" + vehicles + "'").doesNotContain("Exception");
        }
        Path badCustomer = Files.writeString(dir.resolve("c.txt"), HEADER + "2 200\n" + CUSTOMERS + "3.5 1 1 1 0 50 1\n");
        Cli run = Cli.run("vrptw", "--instance", badCustomer.toString(), "--seconds", "1", "--out", dir.resolve("x.json").toString());
        assertThat(run.err()).contains("line 11: customer number must be a whole number from 0 to 1000000, was '3.5'");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void secondsMustBeInRange() {
        for (String seconds : List.of("0", "86401", "1e12")) {
            Cli run = Cli.run("vrptw", "--instance", C201.toString(), "--seconds", seconds, "--out", dir.resolve("x.json").toString());
            assertThat(run.exit()).as(seconds).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).as(seconds).containsAnyOf("--seconds must be 1-86400", "Invalid value for option '--seconds'");
        }
    }

    @Test
    void readsAGehringHombergerInstanceWithItsFleet() throws Exception {
        Path out = dir.resolve("c1_2_1.json");

        Cli run = Cli.run("vrptw", "--instance", C1_2_1.toString(), "--steps", "300", "--seconds", "600", "--out", out.toString(),
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
            assertThat(Cli.run("vrptw", "--instance", C201.toString(), "--steps", "500", "--seconds", "600", "--seed", "3",
                    "--out", out.toString(), "--quiet").exit()).isZero();
        }
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test
    void aMissingInstanceIsBadInput() {
        Cli run = Cli.run("vrptw", "--instance", dir.resolve("nope.txt").toString(), "--seconds", "1", "--out",
                dir.resolve("x.json").toString());

        assertThat(run.exit()).isEqualTo(GeodispatchCli.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("vrptw: cannot read " + dir.resolve("nope.txt") + ": no such file or directory");
    }

    @Test
    void aMalformedInstanceNamesTheLine() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "BAD\n\nVEHICLE\nNUMBER CAPACITY\n 2 50\n\nCUSTOMER\n0 0 0 0 0 100\n");

        Cli run = Cli.run("vrptw", "--instance", bad.toString(), "--seconds", "1", "--out", dir.resolve("x.json").toString());

        assertThat(run.exit()).isEqualTo(GeodispatchCli.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("vrptw: Solomon file line 8: expected 7 columns");
    }

    @Test
    void anOutThatIsTheInstanceItselfIsRefusedAndTheInstanceKept() throws Exception {
        String text = HEADER + "2 200\n" + CUSTOMERS;
        Path instance = Files.writeString(dir.resolve("tiny.txt"), text);

        Cli run = Cli.run("vrptw", "--instance", instance.toString(), "--seconds", "1", "--out", instance.toString(), "--quiet");

        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("vrptw: --out names the instance itself (" + instance + "); choose another file");
        assertThat(Files.readString(instance)).isEqualTo(text);
    }

    /** x = 10^15 overflowed the planner's travel ticks (exit 4); 10^6 is still solved. */
    @Test
    void coordinatesBeyondTheBoundAreBadInputNamingTheLineAndAMillionStillSolves() throws Exception {
        Path huge = Files.writeString(dir.resolve("huge.txt"), HEADER + "2 200\n" + CUSTOMERS + "3 1e15 4 5 0 50 1\n");
        Cli run = Cli.run("vrptw", "--instance", huge.toString(), "--seconds", "60", "--steps", "50", "--quiet",
                "--out", dir.resolve("x.json").toString());
        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("vrptw: Solomon file line 11: x must be within \u00b1100000000, was 1e15");
        assertThat(dir.resolve("x.json")).doesNotExist();

        Path far = Files.writeString(dir.resolve("far.txt"), HEADER + "2 200\n" + CUSTOMERS + "3 1e6 4 5 0 50 1\n");
        run = Cli.run("vrptw", "--instance", far.toString(), "--seconds", "60", "--steps", "50", "--quiet",
                "--out", dir.resolve("far.json").toString());
        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(run.out()).contains("INFEASIBLE");
    }

    @Test
    void aBadNumberIsNamedOnceAndAFileThatIsNotUtf8IsNamed() throws Exception {
        Path wide = Files.writeString(dir.resolve("wide.txt"), HEADER + "2 200\n" + CUSTOMERS + "3 28 \uff11 5 0 50 1\n");
        Cli run = Cli.run("vrptw", "--instance", wide.toString(), "--seconds", "1", "--out", dir.resolve("x.json").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("vrptw: Solomon file line 11: y is not a number: '\uff11'");

        byte[] latin1 = (HEADER + "2 200\n" + CUSTOMERS + "3 1 1 1 0 50 1 caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Path bad = Files.write(dir.resolve("latin1.txt"), latin1);
        run = Cli.run("vrptw", "--instance", bad.toString(), "--seconds", "1", "--out", dir.resolve("x.json").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("vrptw: Solomon file " + bad + " is not UTF-8 text: line 11 has the byte 0xE9");
    }
}
