package io.github.geodispatch.payment;

import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StatementCredit;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementImportTest {

    @Test
    void readsASettlementCsvSkippingFailedRowsAndRepeatsAndReportingBadRows() throws IOException {
        String csv = """
                settled_at,utr,amount,tr,payer_vpa,status
                2026-11-02T09:53:32+05:30,377177333578,2849.00,J-00010,asha@okaxis,SUCCESS
                2026-11-02T09:54:00+05:30,377177333579,100.00,J-00011,,FAILED
                2026-11-02T09:53:32+05:30,377177333578,2849.00,J-00010,asha@okaxis,SUCCESS
                2026-11-02T10:00:00+05:30,12345,10.00,,,SUCCESS
                2026-11-02T10:01:00+05:30,412345678901,10.005,,,SUCCESS
                2026-11-02T10:02:00+05:30,412345678902,99.50,"",,
                """;
        StatementImport result = SettlementCsv.read(new StringReader(csv));
        assertThat(result.credits()).containsExactly(
                new StatementCredit("UPI", "377177333578", Instant.parse("2026-11-02T04:23:32Z"), Money.inr(284_900),
                        "J-00010", "asha@okaxis"),
                new StatementCredit("UPI", "412345678902", Instant.parse("2026-11-02T04:32:00Z"), Money.inr(9_950), null, null));
        assertThat(result.problems()).extracting(StatementImport.RowProblem::row).containsExactly(4L, 5L);
        assertThat(result.problems().get(0).message()).contains("12 digits");
    }

    @Test
    void negativeAndOversizedCreditsAreRejectedRowsNamingTheColumn() throws IOException {
        String csv = """
                settled_at,utr,amount,tr
                2026-11-02T09:53:32+05:30,377177333578,-2849.00,J-00010
                2026-11-02T09:54:00+05:30,377177333579,1000000000.01,J-00011
                2026-11-02T09:55:00+05:30,377177333580,1.00,J-00012
                """;
        StatementImport upi = SettlementCsv.read(new StringReader(csv));
        assertThat(upi.credits()).extracting(StatementCredit::amount).containsExactly(Money.inr(100));
        assertThat(upi.problems()).extracting(StatementImport.RowProblem::toString).containsExactly(
                "row 1: amount must not be negative, was -2849.00 INR",
                "row 2: amount is 1000000000.01 INR, above the maximum amount 1000000000.00 INR");

        StatementImport mpesa = DarajaC2b.read(new StringReader(
                "[{\"TransID\":\"RKTQDM7W6S\",\"TransTime\":\"20191122063845\",\"TransAmount\":\"-10\"}]"));
        assertThat(mpesa.credits()).isEmpty();
        assertThat(mpesa.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("TransAmount must not be negative, was -10.00 KES"));
    }

    @Test
    void aSettlementCsvWithoutTheRequiredColumnsIsRejected() {
        assertThatThrownBy(() -> SettlementCsv.read(new StringReader("utr,amount\n412345678901,10.00\n")))
                .hasMessageContaining("no 'settled_at' column");
    }

    @Test
    void readsDarajaC2bConfirmationsInNairobiTime() throws IOException {
        String json = """
                [{"TransactionType":"Pay Bill","TransID":"RKTQDM7W6S","TransTime":"20191122063845","TransAmount":"10",
                  "BusinessShortCode":"600638","BillRefNumber":"J-1","MSISDN":"254708374149","FirstName":"John"},
                 {"TransID":"RKTQDM7W6S","TransTime":"20191122063845","TransAmount":"10","BillRefNumber":"J-1"},
                 {"TransID":"bad","TransTime":"20191122063845","TransAmount":"10"},
                 {"TransID":"RKTQDM7W6T","TransTime":"20191122073845","TransAmount":1500.5}]
                """;
        StatementImport result = DarajaC2b.read(new StringReader(json));
        assertThat(result.credits()).containsExactly(
                new StatementCredit("MPESA", "RKTQDM7W6S", Instant.parse("2019-11-22T03:38:45Z"), Money.kes(1_000), "J-1",
                        "254708374149"),
                new StatementCredit("MPESA", "RKTQDM7W6T", Instant.parse("2019-11-22T04:38:45Z"), Money.kes(150_050), null, null));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.message()).contains("TransID");
        });
    }
}
