package io.github.geodispatch.journal;

import io.github.geodispatch.testdata.SampleData;
import io.github.geodispatch.journal.JournalProblem.Kind;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JournalImporterTest {
    static final TenantId TENANT = TenantId.of("acme");

    static List<JobEvent> importText(String text, JournalImporter[] out) throws IOException {
        List<JobEvent> events = new ArrayList<>();
        JournalImporter importer = new JournalImporter(TENANT, events::add);
        JournalReader.create().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), importer);
        out[0] = importer;
        return events;
    }

    @Test
    void historyTheLiveEngineWouldRefuseIsImportedAndFlagged() throws IOException {
        String text = """
                {"type":"job.created","job":"J-1","at":"2026-11-02T08:00:00+05:30","branch":"BR-1","customer":"C-1","job_type":"AC_SERVICE","site":{"lat":12.97,"lng":77.59,"radius_m":80},"quote":{"amount":"999.00","currency":"INR"}}
                {"type":"job.status","job":"J-1","at":"2026-11-02T09:00:00+05:30","status":"COMPLETED"}
                {"type":"job.payment","job":"J-1","at":"2026-11-02T09:00:00+05:30","mode":"UPI","amount":{"amount":"999.00","currency":"INR"},"reference":"12345"}
                {"type":"job.proof","job":"J-2","at":"2026-11-02T09:00:00+05:30","kind":"PHOTO","ref":"ph"}
                """;
        JournalImporter[] importer = new JournalImporter[1];
        List<JobEvent> events = importText(text, importer);
        assertThat(events).hasSize(3);
        assertThat(events.get(2)).isInstanceOfSatisfying(JobEvent.PaymentRecorded.class,
                p -> assertThat(p.reference()).isEqualTo("12345"));
        assertThat(importer[0].problems()).extracting(JournalProblem::line, JournalProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, Kind.FLAGGED), org.assertj.core.groups.Tuple.tuple(3L, Kind.FLAGGED),
                org.assertj.core.groups.Tuple.tuple(4L, Kind.INVALID));
        assertThat(importer[0].problems().get(1).message()).contains("12-digit UTR");
        assertThat(importer[0].problems().get(2).message()).contains("before its job.created");
        assertThat(importer[0].rejected()).isEqualTo(1);
        assertThat(importer[0].problemCount()).isEqualTo(3);
    }

    @Test
    void theSharedWeekImportsIntoVerifyingStreamsWithDeterministicIds() throws IOException {
        var path = SampleData.path("journal/journal.jsonl");
        List<JobEvent> first = new ArrayList<>();
        JournalImporter importer = new JournalImporter(TENANT, first::add);
        JournalReader.create().read(path, importer);
        assertThat(importer.rejected()).isZero();
        List<JobEvent> second = new ArrayList<>();
        JournalReader.create().read(path, new JournalImporter(TENANT, second::add));
        assertThat(second).isEqualTo(first);

        Map<JobId, List<JobEvent>> streams = new LinkedHashMap<>();
        first.forEach(e -> streams.computeIfAbsent(e.header().job(), k -> new ArrayList<>()).add(e));
        assertThat(streams).hasSizeGreaterThan(300);
        assertThat(streams.values()).allSatisfy(s -> assertThat(HashChain.verifies(s)).isTrue());
        assertThat(first).extracting(e -> e.header().eventId()).doesNotHaveDuplicates();

        List<JobEvent> unchained = new ArrayList<>();
        JournalReader.create().read(path, JournalImporter.unchained(TENANT, unchained::add));
        assertThat(unchained).extracting(e -> e.header().eventId())
                .containsExactlyElementsOf(first.stream().map(e -> e.header().eventId()).toList());
        assertThat(unchained).allSatisfy(e -> assertThat(e.header().previousHash()).isEqualTo(HashChain.GENESIS));
    }
}
