package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContractsCommandTest {
    static final String AS_OF = "2026-11-30T18:00:00+05:30";

    @TempDir
    Path tmp;

    @Test
    void theSampleJournalGivesItsVisitsRenewalsAndEntitlements() throws IOException {
        Path out = tmp.resolve("report");
        Cli r = Cli.run("contracts", "--journal", SampleData.path("contracts/journal.jsonl").toString(), "--as-of", AS_OF,
                "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("due-visits.csv"))).containsExactly(
                "contract,customer,branch,site,unit,visit,due_on,window_end,job_type,job,status",
                "AMC-099,C-103,BLR-KOR,S-103,S-103,2,2025-12-30,2026-01-12,AC_PM,AMC-099/S-103/2,OVERDUE",
                "AMC-101,C-101,BLR-KOR,S-101,EQ-101,4,2026-10-15,2026-10-28,AC_PM,AMC-101/EQ-101/4,OVERDUE",
                "AMC-106B,C-106,BLR-KOR,S-106,S-106,1,2026-11-01,2026-11-14,AC_PM,AMC-106B/S-106/1,OVERDUE",
                "AMC-102,C-102,BLR-KOR,S-102,EQ-102,5,2026-12-05,2026-12-09,RO_SERVICE,AMC-102/EQ-102/5,UPCOMING");
        assertThat(Files.readAllLines(out.resolve("renewals.csv"))).containsExactly(
                "contract,customer,branch,end,days_left,stage,renewal_drafted,price,currency",
                "AMC-102,C-102,BLR-KOR,2026-12-09,9,15,,3600.00,INR");
        List<String> entitlements = Files.readAllLines(out.resolve("entitlements.csv"));
        assertThat(entitlements).hasSize(7).contains(
                "AMC-101,C-101,BLR-KOR,ACTIVE,2026-01-15,2027-01-14,6,4,2,4,3,0,1",
                "AMC-105,C-105,BLR-KOR,ACTIVE,2026-02-01,2027-01-31,1,2,-1,1,1,0,0",
                "AMC-106A,C-106,BLR-KOR,RENEWED,2025-11-01,2026-10-31,2,1,1,1,1,0,0");
        assertThat(r.out()).contains("4 visits open (3 overdue), 1 renewals due, 1 warranties ending");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no staging directory left").containsExactly("report");
        }
    }

    @Test
    void rejectedLinesStillWriteTheFilesAndExitOne() throws IOException {
        Path journal = tmp.resolve("j.jsonl");
        Files.writeString(journal, String.join("\n", Files.readAllLines(SampleData.path("contracts/journal.jsonl")))
                + "\n{\"type\":\"customer.registered\",\"customer\":\"C-9\",\"at\":\"2026-01-01T09:00:00+05:30\","
                + "\"branch\":\"B\",\"name\":\"X\",\"phones\":[\"12345\"]}\n{not json\n");
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("renewals.csv"), "stale");

        Cli r = Cli.run("contracts", "--journal", journal.toString(), "--as-of", AS_OF, "--out", out.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("INVALID_PHONE").contains("MALFORMED");
        assertThat(Files.readAllLines(out.resolve("renewals.csv"))).hasSize(2);
    }

    @Test
    void badArgumentsAndAMissingJournalExitTwo() {
        assertThat(Cli.run("contracts", "--journal", "no-such.jsonl", "--as-of", AS_OF, "--out", tmp.toString()).exit()).isEqualTo(2);
        Cli badTime = Cli.run("contracts", "--journal", SampleData.path("contracts/journal.jsonl").toString(), "--as-of",
                "yesterday", "--out", tmp.toString());
        assertThat(badTime.exit()).isEqualTo(2);
        assertThat(badTime.err()).contains("--as-of");
        Cli farTime = Cli.run("contracts", "--journal", SampleData.path("contracts/journal.jsonl").toString(), "--as-of",
                "-999999999-01-01T00:00:00+18:00", "--out", tmp.toString());
        assertThat(farTime.exit()).isEqualTo(2);
        assertThat(farTime.err()).contains("--as-of must be a time in the years 0001-9999");
        Cli badZone = Cli.run("contracts", "--journal", SampleData.path("contracts/journal.jsonl").toString(), "--as-of",
                AS_OF, "--zone", "Mars/Olympus", "--out", tmp.toString());
        assertThat(badZone.exit()).isEqualTo(2);
        assertThat(badZone.err()).contains("--zone must be a time zone, such as Asia/Kolkata or +05:30, was 'Mars/Olympus'");
        assertThat(Cli.run("contracts", "--journal", "x").exit()).isEqualTo(2);
        assertThat(Cli.run("contracts", "--help").out()).contains("Example:");
    }

    /** DIR is replaced whole: a journal inside it would be deleted with the earlier run's files. */
    @Test
    void aDirHoldingTheJournalIsRefusedAndTheJournalKept() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path journal = Files.copy(SampleData.path("contracts/journal.jsonl"), out.resolve("renewals.csv"));
        byte[] before = Files.readAllBytes(journal);

        Cli r = Cli.run("contracts", "--journal", journal.toString(), "--as-of", AS_OF, "--out", out.toString());

        assertThat(r.exit()).as(r.printed()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("contracts: --out " + out + " holds the journal (" + journal
                + "), which writing there could replace; choose another directory");
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
    }
}
