package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class AuditCommandTest {

    private static String run(int expectedExit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = GeodispatchCli.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(expectedExit);
        return text;
    }

    @Test
    void auditsTheSharedWeekIntoFindingLinesAndASummary(@TempDir Path tmp) throws Exception {
        Path dir = SampleData.path("journal");
        Path out = tmp.resolve("findings.jsonl");
        String printed = run(0, "audit", "--journal", dir.resolve("journal.jsonl").toString(),
                "--as-of", Files.readString(dir.resolve("as_of.txt")).strip(), "--out", out.toString());
        assertThat(printed).contains("PAYMENT_UNLINKED", "CASH_NOT_DEPOSITED", "GHOST_VISIT", "T-003", "TOTAL");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(50);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode f = json.readTree(line);
            List<String> keys = new ArrayList<>();
            f.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("code", "job", "technician", "branch", "reference", "amount", "evidence");
            assertThat(f.get("amount").get("amount").asText()).matches("\\d+\\.\\d{2}");
            assertThat(f.get("evidence").isArray()).isTrue();
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"reference\":\"630696038731\""));
    }

    @Test
    void aBadAsOfIsAOneLineErrorWithExitTwo(@TempDir Path tmp) {
        String printed = run(2, "audit", "--journal", SampleData.path("journal").resolve("journal.jsonl").toString(),
                "--as-of", "yesterday", "--out", tmp.resolve("f.jsonl").toString());
        assertThat(printed.strip()).startsWith("audit: --as-of must be an ISO-8601 time").doesNotContain("Exception");
    }

    @Test
    void aMissingJournalIsAOneLineErrorWithExitTwo(@TempDir Path tmp) {
        String printed = run(2, "audit", "--journal", tmp.resolve("nope.jsonl").toString(),
                "--as-of", "2026-11-10T00:00:00+05:30", "--out", tmp.resolve("f.jsonl").toString());
        assertThat(printed.strip()).startsWith("audit: cannot read file");
    }
}
