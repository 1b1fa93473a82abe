package io.github.geodispatch.leakage;

import io.github.geodispatch.testdata.SampleData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit of the shared business week finds the injected leakage with precision and recall of at least
 * 0.95 and the right amounts, keyed as {@code tools/score_findings.py} keys them.
 */
class SharedJournalAuditTest {

    static String key(String code, String job, String technician, String reference) {
        return switch (LeakageCode.valueOf(code)) {
            case CASH_NOT_DEPOSITED, OFF_BOOK_VISIT -> code + "/" + technician;
            case PAYMENT_UNLINKED -> code + "/" + reference;
            default -> code + "/" + job;
        };
    }

    @Test
    void findsTheInjectedLeakage() throws IOException {
        Path dir = SampleData.path("journal");
        OffsetDateTime asOf = OffsetDateTime.parse(Files.readString(dir.resolve("as_of.txt")).strip());
        AuditReport report = LeakageAudit.run(dir.resolve("journal.jsonl"), asOf.toInstant(), LeakagePolicy.defaults());
        assertThat(report.journal().rejected()).isZero();

        ObjectMapper json = new ObjectMapper();
        Map<String, Long> truth = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("truth.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode t = json.readTree(line);
            truth.put(key(t.get("code").asText(), t.path("job").asText(null), t.path("technician").asText(null),
                    t.path("reference").asText(null)), t.get("amount").asLong());
        }
        Map<String, Finding> found = new HashMap<>();
        for (Finding f : report.findings()) {
            found.putIfAbsent(key(f.code().name(), f.job() == null ? null : f.job().value(),
                    f.technician() == null ? null : f.technician().value(), f.reference()), f);
        }
        long truePositives = found.keySet().stream().filter(truth::containsKey).count();
        double precision = (double) truePositives / found.size();
        double recall = (double) truePositives / truth.size();
        List<String> wrongAmounts = truth.entrySet().stream()
                .filter(e -> found.containsKey(e.getKey()) && e.getValue() != 0
                        && found.get(e.getKey()).amountAtRisk().minor() != e.getValue())
                .map(Map.Entry::getKey).toList();
        assertThat(precision).as("precision; unexpected: %s", found.keySet().stream().filter(k -> !truth.containsKey(k)).toList())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall; missed: %s", truth.keySet().stream().filter(k -> !found.containsKey(k)).toList())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(wrongAmounts).as("findings with a wrong amount").isEmpty();
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.evidence()).isNotEmpty();
            assertThat(f.detectedAt()).isBeforeOrEqualTo(asOf.toInstant());
        });
    }
}
