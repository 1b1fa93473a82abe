package io.github.geodispatch.geofence;

import io.github.geodispatch.testdata.SampleData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector on the shared example day matches the ground truth (same technician and fence, both times within 3 min). */
class AttendanceDataTest {
    static final Path DATA = SampleData.path("attendance");

    record Visit(String technician, String fence, Instant entered, Instant exited) {}

    @Test
    void exampleDayMatchesGroundTruth() throws IOException {
        FenceIndex index = FenceIndex.builder().build();
        GeoJsonFences.read(DATA.resolve("fences.geojson"), GeoJsonFences.InvalidPolygons.REJECT).forEach(index::add);
        VisitTracker tracker = VisitTracker.builder(index).build();
        Map<PingOutcome, Integer> outcomes = new EnumMap<>(PingOutcome.class);
        PingCsv.Result read;
        try (InputStream in = Files.newInputStream(DATA.resolve("pings.csv"))) {
            read = PingCsv.read(in, p -> outcomes.merge(tracker.accept(p), 1, Integer::sum));
        }
        tracker.flush();
        assertThat(read.problems()).isEmpty();
        assertThat(outcomes.get(PingOutcome.DUPLICATE)).isEqualTo(307);
        assertThat(outcomes.get(PingOutcome.REJECTED_TOO_LATE)).isNull();

        List<Visit> detected = new ArrayList<>();
        for (SiteVisit v : tracker.visitLog().all()) {
            if (v.kind() != FenceKind.SERVICE_AREA) {
                detected.add(new Visit(v.technician().value(), v.fence().value(), v.enteredAt(), v.exitedAt()));
            }
        }
        List<Visit> truth = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(DATA.resolve("truth.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode n = mapper.readTree(line);
                truth.add(new Visit(n.get("technician_id").asText(), n.get("fence_id").asText(),
                        OffsetDateTime.parse(n.get("entered_at").asText()).toInstant(),
                        OffsetDateTime.parse(n.get("exited_at").asText()).toInstant()));
            }
        }
        double[] pr = score(truth, detected, Duration.ofMinutes(3));
        System.out.printf("attendance example day: precision %.3f recall %.3f (true %d, detected %d)%n",
                pr[0], pr[1], truth.size(), detected.size());
        assertThat(pr[0]).as("precision").isGreaterThanOrEqualTo(0.98);
        assertThat(pr[1]).as("recall").isGreaterThanOrEqualTo(0.98);
    }

    /** {precision, recall}: greedy one-to-one matching in truth order, like tools/score_visits.py. */
    static double[] score(List<Visit> truth, List<Visit> detected, Duration tolerance) {
        boolean[] used = new boolean[detected.size()];
        int matched = 0;
        for (Visit t : truth) {
            for (int i = 0; i < detected.size(); i++) {
                Visit d = detected.get(i);
                if (!used[i] && d.technician.equals(t.technician) && d.fence.equals(t.fence)
                        && Duration.between(d.entered, t.entered).abs().compareTo(tolerance) <= 0
                        && Duration.between(d.exited, t.exited).abs().compareTo(tolerance) <= 0) {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }
        return new double[] {detected.isEmpty() ? 0 : (double) matched / detected.size(),
                truth.isEmpty() ? 1 : (double) matched / truth.size()};
    }
}
