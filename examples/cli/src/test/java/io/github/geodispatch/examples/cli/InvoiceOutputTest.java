package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice command's output directory: whole or nothing, never mixed with an earlier run. */
class InvoiceOutputTest {
    @TempDir
    Path tmp;

    private static Cli invoice(String journal, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("invoice", "--journal", SampleData.path(journal).toString(),
                "--seller", SampleData.path("gst/seller.json").toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRerunIsRefusedUnlessForcedAndThenLeavesNoStaleFiles() throws IOException {
        Path out = tmp.resolve("invoices");
        assertThat(invoice("journal/journal.jsonl", out).exit()).isEqualTo(ExitCodes.DONE);
        assertThat(names(out)).hasSize(311 + 84 + 1);

        Cli refused = invoice("hostile/one-job.jsonl", out);
        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains(out + " already holds the outputs of an earlier run (396 files); give --force");
        assertThat(names(out)).hasSize(396);

        Cli forced = invoice("hostile/one-job.jsonl", out, "--force");
        assertThat(forced.exit()).as(forced.printed()).isEqualTo(ExitCodes.DONE);
        assertThat(names(out)).hasSize(2).contains("invoices.csv").anyMatch(n -> n.matches("invoice-IND.*\\.json"));
        assertThat(names(tmp)).containsExactly("invoices");
    }

    @Test
    void aDirectoryHoldingOtherFilesIsRefusedEvenWhenForced() throws IOException {
        Path out = Files.createDirectory(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep me");

        Cli cli = invoice("hostile/one-job.jsonl", out, "--force");

        assertThat(cli.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("holds files this command did not write (such as notes.txt)");
        assertThat(names(out)).containsExactly("notes.txt");
    }

    @Test
    void badJournalLinesAreReportedAndTheRestIsInvoicedWithExitOne() throws IOException {
        Path out = tmp.resolve("invoices");

        Cli cli = invoice("hostile/nul-and-bad-utf8.jsonl", out);

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(cli.err()).contains("line 41: MALFORMED: control character U+0000", "line 61: MALFORMED: not UTF-8");
        assertThat(cli.out()).contains("journal: 2 lines rejected and skipped, 0 imported but flagged");
        assertThat(names(out)).hasSize(2).contains("invoices.csv").anyMatch(n -> n.matches("invoice-IND.*\\.json"));
    }

    @Test
    void anOutputThatCannotBeCreatedIsExitThreeAndNamesIt() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "a file");

        Cli cli = invoice("hostile/one-job.jsonl", blocker.resolve("invoices"));

        assertThat(cli.exit()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(cli.err().strip()).startsWith("invoice: cannot create " + blocker.resolve("invoices") + ": ");
    }
}
