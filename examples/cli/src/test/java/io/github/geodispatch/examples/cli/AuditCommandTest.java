package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandTest {
    private static final String AS_OF = "2026-11-10T00:00:00+05:30";

    @TempDir
    Path tmp;

    private Cli audit(Path journal, Path out) {
        return Cli.run("audit", "--journal", journal.toString(), "--as-of", AS_OF, "--out", out.toString());
    }

    private static Path hostile(String name) {
        return SampleData.path("hostile/" + name);
    }

    @Test
    void auditsTheSharedWeekIntoFindingLinesAndASummaryEndingWithExitOneForFindings() throws Exception {
        Path dir = SampleData.path("journal");
        Path out = tmp.resolve("findings.jsonl");
        Cli cli = Cli.run("audit", "--journal", dir.resolve("journal.jsonl").toString(),
                "--as-of", Files.readString(dir.resolve("as_of.txt")).strip(), "--out", out.toString());
        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(cli.out()).contains("PAYMENT_UNLINKED", "CASH_NOT_DEPOSITED", "GHOST_VISIT", "T-003", "TOTAL");
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
        try (var left = Files.list(tmp)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("findings.jsonl");
        }
    }

    @Test
    void aCleanJournalWithoutFindingsIsExitZero() throws Exception {
        Cli cli = audit(hostile("one-job.jsonl"), tmp.resolve("f.jsonl"));

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE);
        assertThat(Files.readAllLines(tmp.resolve("f.jsonl"))).isEmpty();
    }

    @Test
    void aLineOfNulBytesAndALineThatIsNotUtf8AreReportedAndTheRestIsAudited() throws Exception {
        Cli cli = audit(hostile("nul-and-bad-utf8.jsonl"), tmp.resolve("f.jsonl"));

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(cli.out()).contains("109 lines, 107 records, 2 rejected", "0 findings written");
        assertThat(cli.err()).contains("line 41: MALFORMED: control character U+0000", "line 61: MALFORMED: not UTF-8");
    }

    @Test
    void crOnlyAndGzipJournalsAreAuditedLikeThePlainOne() throws Exception {
        for (String name : List.of("cr-only.jsonl", "one-job.jsonl.gz")) {
            Cli cli = audit(hostile(name), tmp.resolve(name + ".findings"));
            assertThat(cli.exit()).as(name + ": " + cli.printed()).isEqualTo(ExitCodes.DONE);
            assertThat(cli.out()).as(name).contains("107 lines, 107 records, 0 rejected");
        }
    }

    @Test
    void aJournalThatYieldsNoRecordsIsUnusableAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("f.jsonl");
        Cli utf16 = audit(hostile("utf16.jsonl"), out);
        assertThat(utf16.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(utf16.err().strip()).startsWith("audit: " + hostile("utf16.jsonl") + ": no records: every one of its")
                .contains("the first: line 1: MALFORMED: the journal is UTF-16");

        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "\n\n");
        Cli none = audit(empty, out);
        assertThat(none.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).contains("no records (the file is empty)");
        assertThat(out).doesNotExist();
    }

    @Test
    void aJournalWithMoreThanTenPercentOfItsLinesRejectedIsUnusable() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(hostile("one-job.jsonl")));
        for (int i = 0; i < 12; i++) {
            lines.add(i * 9, "not json");
        }
        Path journal = tmp.resolve("j.jsonl");
        Files.write(journal, lines, StandardCharsets.UTF_8);

        Cli cli = audit(journal, tmp.resolve("f.jsonl"));

        assertThat(cli.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("12 of 119 non-blank lines rejected, more than 10%");
        assertThat(tmp.resolve("f.jsonl")).doesNotExist();
    }

    @Test
    void anOutputThatCannotBeWrittenIsExitThreeNamingTheWrite() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "a file, not a directory");
        Cli cli = audit(hostile("one-job.jsonl"), blocker.resolve("f.jsonl"));

        assertThat(cli.exit()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(cli.err().strip()).startsWith("audit: cannot write f.jsonl in " + blocker + "/: cannot create the directory");

        Path directory = Files.createDirectory(tmp.resolve("taken.jsonl"));
        Cli taken = audit(hostile("one-job.jsonl"), directory);
        assertThat(taken.exit()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(taken.err()).contains("cannot write taken.jsonl in " + tmp + "/: a directory is in the way");
    }

    /** The JDK holds it, but the audit's millisecond arithmetic overflowed on it (exit 4); now exit 2 naming it. */
    @Test
    void anAsOfOutsideYears0001To9999IsExitTwoNamingTheOption() {
        for (String asOf : new String[] {"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
                "+10000-01-01T00:00:00Z"}) {
            Cli cli = Cli.run("audit", "--journal", hostile("one-job.jsonl").toString(), "--as-of", asOf,
                    "--out", tmp.resolve("f.jsonl").toString());
            assertThat(cli.exit()).as(asOf).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(cli.err().strip()).as(asOf)
                    .isEqualTo("audit: --as-of must be a time in the years 0001-9999, was '" + asOf + "'");
            assertThat(tmp.resolve("f.jsonl")).doesNotExist();
        }
        assertThat(Cli.run("audit", "--journal", hostile("one-job.jsonl").toString(), "--as-of",
                "9999-12-31T23:59:59-18:00", "--out", tmp.resolve("f.jsonl").toString()).exit())
                .isIn(ExitCodes.DONE, ExitCodes.DONE_WITH_FINDINGS);
    }

    @Test
    void aBadAsOfIsAOneLineErrorWithExitTwo() {
        Cli cli = Cli.run("audit", "--journal", hostile("one-job.jsonl").toString(), "--as-of", "yesterday",
                "--out", tmp.resolve("f.jsonl").toString());
        assertThat(cli.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err().strip()).startsWith("audit: --as-of must be an ISO-8601 time").doesNotContain("Exception");

        Cli quoting = Cli.run("audit", "--journal", hostile("one-job.jsonl").toString(), "--as-of",
                "to\nday\u001b[31m", "--out", tmp.resolve("f.jsonl").toString());
        assertThat(quoting.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(quoting.err()).as("the value it quotes escaped: one line")
                .isEqualTo("audit: --as-of must be an ISO-8601 time with offset, was 'to\\nday\\u001b[31m'"
                        + System.lineSeparator());
    }

    @Test
    void aMissingJournalIsAOneLineErrorWithExitTwo() {
        Cli cli = audit(tmp.resolve("nope.jsonl"), tmp.resolve("f.jsonl"));
        assertThat(cli.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err().strip()).isEqualTo("audit: cannot read " + tmp.resolve("nope.jsonl") + ": no such file or directory");
    }

    @Test
    void anOutThatIsTheJournalItselfIsRefusedAndTheJournalKept() throws Exception {
        Path journal = Files.copy(hostile("one-job.jsonl"), tmp.resolve("journal.jsonl"));
        byte[] before = Files.readAllBytes(journal);
        Path link = Files.createSymbolicLink(tmp.resolve("link.jsonl"), journal);
        for (Path out : List.of(journal, tmp.resolve("sub/../journal.jsonl"), link,
                Files.createLink(tmp.resolve("hard.jsonl"), journal))) {
            Cli cli = audit(journal, out);

            assertThat(cli.exit()).as(out + ": " + cli.printed()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(cli.err().strip()).as(out.toString())
                    .isEqualTo("audit: --out names the journal itself (" + out + "); choose another file");
            assertThat(cli.out()).isEmpty();
            assertThat(Files.readAllBytes(journal)).isEqualTo(before);
        }
        try (var left = Files.list(tmp)) {
            assertThat(left).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("journal.jsonl", "link.jsonl", "hard.jsonl");
        }
    }

    /** A value's escaped newline or ESC split one problem across lines and drove the terminal; a long one was echoed whole. */
    @Test
    void aJournalProblemQuotingControlCharactersOrAHugeValueStaysOneShortLine() throws Exception {
        Path journal = Files.copy(hostile("one-job.jsonl"), tmp.resolve("journal.jsonl"));
        Files.writeString(journal, "{\"type\": \"technician\", \"id\": \"T-010\", \"branch\": \"a\\nb\\u001b[31mRED\\u0085\", "
                + "\"skills\": [\"ac\"]}\n{\"type\": \"technician\", \"id\": \"T-011\", \"branch\": \"" + "x".repeat(100_000)
                + "\", \"skills\": [\"ac\"]}\n", java.nio.file.StandardOpenOption.APPEND);
        Path out = tmp.resolve("findings.jsonl");

        Cli cli = audit(journal, out);

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        List<String> lines = cli.err().lines().toList();
        assertThat(lines).as(cli.err()).hasSize(2);
        assertThat(lines.get(0)).startsWith("  line 108: INVALID: ").contains("'a\\nb\\u001b[31mRED\\u0085'")
                .doesNotContain("\u001b", "\u0085");
        assertThat(lines.get(1)).startsWith("  line 109: INVALID: ").matches(".*\u2026 \\(\\d{6} characters\\)")
                .hasSizeLessThanOrEqualTo(2 + 300 + 30);
    }
}
