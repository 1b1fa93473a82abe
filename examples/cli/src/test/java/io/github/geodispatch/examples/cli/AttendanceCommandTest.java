package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttendanceCommandTest {
    @TempDir
    Path dir;

    /** A fences file of one site, S-1, a 100 m circle. */
    private Path oneSite() throws Exception {
        return Files.writeString(dir.resolve("fences.geojson"), """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"S-1","kind":"site","radius_m":100},"geometry":{"type":"Point","coordinates":[77.5946,12.9716]}}]}""");
    }

    @Test
    void writesVisitsReportsMalformedRowsByLineAndKeepsGoing() throws Exception {
        Path fences = oneSite();
        List<String> rows = new ArrayList<>(List.of("ping_id,technician_id,timestamp,lat,lng,accuracy_m"));
        for (int i = 0; i < 60; i++) { // 15 min at the site
            rows.add("p" + i + ",T-1,2026-11-03T09:" + String.format("%02d:%02d", i / 4, (i % 4) * 15) + "+05:30,12.9716,77.5946,10");
        }
        rows.add(5, "bad1,T-1,not-a-time,12.9,77.5,10");
        rows.add(9, "bad2,T-1,2026-11-03T09:00:00+05:30,north,77.5,10");
        for (int i = 0; i < 8; i++) { // then far away
            rows.add("q" + i + ",T-1,2026-11-03T09:" + (20 + i) + ":00+05:30,13.1,77.7,10");
        }
        Path pings = dir.resolve("pings.csv");
        Files.write(pings, rows);
        Path out = dir.resolve("visits.jsonl");

        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            code = GeodispatchCli.run("attendance", "--fences", fences.toString(), "--pings", pings.toString(), "--out", out.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("line 6: timestamp").contains("line 10: lat is not a decimal number: 'north'");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("68 rows read, 2 malformed").contains("T-1");
        assertThat(Files.readAllLines(out)).singleElement().satisfies(line -> assertThat(line)
                .isEqualTo("{\"technician_id\":\"T-1\",\"fence_id\":\"S-1\",\"kind\":\"site\",\"entered_at\":\"2026-11-03T09:00:00+05:30\","
                        + "\"exited_at\":\"2026-11-03T09:14:45+05:30\",\"dwell_s\":885}"));
    }

    /** The tracker's log keeps five weeks before a technician's newest visit; the command writes every visit. */
    @Test
    void sixtyDaysOfPingsGiveSixtyDaysOfVisits() throws Exception {
        Path fences = oneSite();
        List<String> rows = new ArrayList<>(List.of("ping_id,technician_id,timestamp,lat,lng,accuracy_m"));
        LocalDate first = LocalDate.of(2026, 9, 1);
        for (int day = 0; day < 60; day++) { // 20 minutes at the site each morning, then 20 away
            for (int minute = 0; minute < 40; minute++) {
                rows.add("p" + day + "-" + minute + ",T-1," + first.plusDays(day) + "T09:" + String.format("%02d", minute)
                        + ":00+05:30," + String.format("%.7f", (minute < 20 ? 12.9716 : 12.99) + minute * 1e-6)
                        + (minute < 20 ? ",77.5946" : ",77.61") + ",10"); // a little jitter: no repeated coordinates
            }
        }
        Path out = dir.resolve("visits.jsonl");
        Cli cli = Cli.run("attendance", "--fences", fences.toString(), "--pings", Files.write(dir.resolve("p.csv"), rows)
                .toString(), "--out", out.toString());

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE);
        assertThat(cli.out()).contains("visits: 60 written");
        List<String> visits = Files.readAllLines(out);
        assertThat(visits).hasSize(60);
        assertThat(visits.get(0)).contains("\"entered_at\":\"2026-09-01T09:00:00+05:30\"");
        assertThat(visits.get(59)).contains("\"entered_at\":\"2026-10-30T09:00:00+05:30\"");
    }

    @Test
    void aByteOrderMarkIsFineAndHostileRowsAreRejectedAloneWithExitOne() throws Exception {
        Cli cli = Cli.run("attendance", "--fences", SampleData.path("attendance/fences.geojson").toString(), "--pings",
                SampleData.path("hostile/pings-bom-and-bad-rows.csv").toString(), "--out", dir.resolve("v.jsonl").toString());

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("6 of 11 non-blank lines rejected, more than 10%", "lat is not a decimal number: '0x1p3'");
        assertThat(dir.resolve("v.jsonl")).doesNotExist();

        List<String> rows = new ArrayList<>(Files.readAllLines(SampleData.path("attendance/pings.csv")));
        rows.set(0, "\uFEFF" + rows.get(0));
        rows.add(100, "T-016-90,T-016,2026-11-03T08:40:00+05:30,0x1p3,77.6002493,14.0");
        Path pings = Files.write(dir.resolve("pings.csv"), rows);
        Cli mostlyGood = Cli.run("attendance", "--fences", SampleData.path("attendance/fences.geojson").toString(),
                "--pings", pings.toString(), "--out", dir.resolve("v.jsonl").toString());
        assertThat(mostlyGood.exit()).as(mostlyGood.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(mostlyGood.err()).contains("line 101: lat is not a decimal number: '0x1p3'");
        assertThat(mostlyGood.out()).contains("1 malformed", "visits: 142 written");
    }

    @Test
    void aMissingFileIsAOneLineErrorWithExitCode2() {
        assertThat(GeodispatchCli.run("attendance", "--fences", dir.resolve("none.geojson").toString(), "--pings",
                dir.resolve("none.csv").toString(), "--out", dir.resolve("v.jsonl").toString())).isEqualTo(2);
    }

    @Test
    void anOutThatIsThePingsOrTheFencesFileIsRefusedAndTheInputKept() throws Exception {
        Path fences = oneSite();
        String fencesText = Files.readString(fences);
        String pingsText = "ping_id,technician_id,timestamp,lat,lng,accuracy_m\np1,T-1,2026-11-03T09:00:00+05:30,12.9716,77.5946,10\n";
        Path pings = Files.writeString(dir.resolve("pings.csv"), pingsText);
        for (Path out : List.of(pings, fences)) {
            Cli cli = Cli.run("attendance", "--fences", fences.toString(), "--pings", pings.toString(), "--out", out.toString());

            assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(cli.err().strip()).isEqualTo("attendance: --out names the "
                    + (out == pings ? "pings file" : "fences file") + " itself (" + out + "); choose another file");
        }
        assertThat(Files.readString(pings)).isEqualTo(pingsText);
        assertThat(Files.readString(fences)).isEqualTo(fencesText);
    }

    /** Jackson reports no line for its stream limits: this was a NullPointerException (exit 4). */
    @Test
    void fencesWithANumberTooLongAreUnusableInputNamingWhatIsWrong() throws Exception {
        Path fences = Files.writeString(dir.resolve("long.geojson"), """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"X","kind":"site","radius_m":50},\
                "geometry":{"type":"Point","coordinates":[77.6,1%s]}}]}""".formatted("0".repeat(2_000)));
        Path pings = Files.writeString(dir.resolve("pings.csv"),
                "ping_id,technician_id,timestamp,lat,lng,accuracy_m\np1,T-1,2026-11-03T09:00:00+05:30,12.9716,77.5946,10\n");
        Path out = dir.resolve("visits.jsonl");

        Cli cli = Cli.run("attendance", "--fences", fences.toString(), "--pings", pings.toString(), "--out", out.toString());

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err().strip()).isEqualTo(
                "attendance: not valid JSON: Number value length (2001) exceeds the maximum allowed (1000)");
        assertThat(out).doesNotExist();
    }
}
