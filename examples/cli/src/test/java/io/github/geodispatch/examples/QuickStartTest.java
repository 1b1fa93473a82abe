package io.github.geodispatch.examples;
import io.github.geodispatch.examples.cli.GeodispatchCli;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import static org.assertj.core.api.Assertions.assertThat;

class QuickStartTest {

    @Test
    void quickStartClosesTheJobWithProofAndAUpiPayment() {
        StringWriter text = new StringWriter();

        JobState closed = QuickStart.run(new PrintWriter(text, true));

        assertThat(closed.status()).isEqualTo(JobStatus.CLOSED);
        assertThat(closed.version()).isEqualTo(12);
        assertThat(closed.latestPayment().orElseThrow().mode()).isEqualTo(PaymentMode.UPI);
        assertThat(closed.latestPayment().orElseThrow().reference()).isEqualTo("412345678901");
        assertThat(text.toString())
                .contains("[notify ravi] New job JOB-1001")
                .contains("[rejected] PROOF_MISSING")
                .contains("hash chain verifies")
                .contains("SYSTEM     system   ARRIVED [visit:ravi at S-77 from 2026-11-16T03:30:30Z]")
                .contains("invoice IND/2627/00001 1499.00 INR handed off")
                .contains("owner's view of 2026-11-16: 1 job completed, revenue 1499.00 INR, collected 1499.00 INR");
        assertThat(text.toString().lines().filter(l -> l.matches("\\s+v\\d+ .*"))).hasSize(12);
    }

    @Test
    void quickStartSaysWhatItDemonstratesFirstAndWhatToReadNextLast() {
        StringWriter text = new StringWriter();
        QuickStart.run(new PrintWriter(text, true));
        String printed = text.toString();

        assertThat(printed).startsWith("Quick start: one AC service job through the front door (GeoDispatch), "
                + "from creation to CLOSED");
        assertThat(printed).contains("its hash chain verified").endsWith(QuickStart.READ_NEXT + System.lineSeparator());
        assertThat(QuickStart.READ_NEXT).contains("docs/job-record.md").contains("docs/cli.md")
                .contains("java -jar examples/target/geodispatch.jar city-day");
        assertThat(printed.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void cliQuickstartPrintsTheHistoryAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GeodispatchCli()).setOut(new PrintWriter(out, true));

        int exit = cli.execute("quickstart");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("History of JOB-1001 (CLOSED, version 12)").contains("payment UPI 1499.00 INR ref 412345678901");
    }

    @Test
    void cliQuickstartHasHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GeodispatchCli()).setOut(new PrintWriter(out, true));

        assertThat(cli.execute("quickstart", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: geodispatch quickstart");
    }
}
