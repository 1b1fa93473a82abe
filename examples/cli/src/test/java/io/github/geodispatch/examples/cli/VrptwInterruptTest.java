package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Ctrl-C on a long solve: the CLI runs as its own process, the test waits for its first "best" line (so a plan
 * exists), sends SIGINT and expects the best plan so far written, marked interrupted, and exit code 130.
 */
class VrptwInterruptTest {

    @Test
    void sigintWritesTheBestPlanSoFarAndExits130(@TempDir Path dir) throws Exception {
        assumeFalse(sigintIgnored(), "SIGINT is ignored by this process, so a child cannot receive it");
        Path out = dir.resolve("c201.json");
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GeodispatchCli.class.getName(), "vrptw",
                "--instance", SampleData.path("solomon/C201.txt").toString(), "--seconds", "600", "--out", out.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(cli.getErrorStream(), StandardCharsets.UTF_8))) {
            String firstBest = CompletableFuture.supplyAsync(() -> err.lines().filter(l -> l.contains(" best ")).findFirst()
                    .orElse(null)).get(120, TimeUnit.SECONDS);
            assertThat(firstBest).as("a progress line before the process ended").isNotNull();

            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor()).isZero();

            assertThat(cli.waitFor(120, TimeUnit.SECONDS)).as("ended after SIGINT").isTrue();
            err.lines().forEach(line -> { }); // drain
        } finally {
            cli.destroyForcibly();
        }
        assertThat(cli.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(Files.readString(dir.resolve("stdout.txt"))).startsWith("C201: interrupted: ");
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("interrupted").asBoolean()).isTrue();
        assertThat(json.get("feasible").isBoolean()).isTrue();
        assertThat(json.get("routes").size()).isPositive();
    }

    /** Whether this process ignores SIGINT (a child would inherit that and could not be interrupted). */
    private static boolean sigintIgnored() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return true;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }
}
