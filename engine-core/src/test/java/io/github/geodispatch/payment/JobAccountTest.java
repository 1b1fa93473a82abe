package io.github.geodispatch.payment;

import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobAccountTest {
    static final String CREATED = "{\"type\":\"job.created\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:00:00+05:30\",\"branch\":\"BR-1\","
            + "\"customer\":\"C-1\",\"job_type\":\"AC_SERVICE\",\"site\":{\"lat\":12.97,\"lng\":77.59,\"radius_m\":80},"
            + "\"quote\":{\"amount\":\"999.00\",\"currency\":\"INR\"}%s}\n";

    static JobAccount fold(String coverage, String... lines) throws IOException {
        StringBuilder text = new StringBuilder(String.format(CREATED, coverage));
        for (String l : lines) {
            text.append('{').append(l).append("}\n");
        }
        List<JobEvent> events = new ArrayList<>();
        JournalReader.create().read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
                new JournalImporter(TenantId.of("t"), events::add));
        JobAccount account = new JobAccount(ZoneId.of("Asia/Kolkata"));
        events.forEach(account::apply);
        return account;
    }

    static String line(String type, String at, String rest) {
        return "\"type\":\"" + type + "\",\"job\":\"J-1\",\"at\":\"2026-11-02T" + at + "+05:30\"" + rest;
    }

    @Test
    void amountDueIsQuotePlusBillablePartsAndExpenses() throws IOException {
        JobAccount a = fold("",
                line("job.part", "09:00:00", ",\"sku\":\"CAP\",\"qty\":2,\"unit_price\":{\"amount\":\"350.00\",\"currency\":\"INR\"},\"billable\":true"),
                line("job.part", "09:01:00", ",\"sku\":\"SEAL\",\"qty\":1,\"unit_price\":{\"amount\":\"50.00\",\"currency\":\"INR\"},\"billable\":false"),
                line("job.expense", "09:02:00", ",\"kind\":\"PARKING\",\"amount\":{\"amount\":\"20.00\",\"currency\":\"INR\"},\"billable\":true"),
                line("job.status", "10:00:00", ",\"status\":\"COMPLETED\""),
                line("job.payment", "10:00:00", ",\"mode\":\"UPI\",\"amount\":{\"amount\":\"1000.00\",\"currency\":\"INR\"},\"reference\":\"412345678901\""),
                line("job.payment", "10:01:00", ",\"mode\":\"CASH\",\"amount\":{\"amount\":\"500.00\",\"currency\":\"INR\"}"));
        assertThat(a.amountDue()).isEqualTo(Money.inr(99_900 + 70_000 + 2_000));
        assertThat(a.paidOnSite()).isEqualTo(Money.inr(150_000));
        assertThat(a.outstanding()).isEqualTo(Money.inr(21_900));
        assertThat(a.status()).isEqualTo(PaymentStatus.PARTIAL);
    }

    @Test
    void aValidAmcCoversTheLabourButNotParts() throws IOException {
        String amc = ",\"coverage\":{\"kind\":\"AMC\",\"ref\":\"AMC-9\",\"valid_until\":\"2027-03-31\",\"job_types\":[\"AC_SERVICE\"]}";
        JobAccount a = fold(amc,
                line("job.part", "09:00:00", ",\"sku\":\"CAP\",\"qty\":1,\"unit_price\":{\"amount\":\"350.00\",\"currency\":\"INR\"},\"billable\":true"),
                line("job.status", "10:00:00", ",\"status\":\"COMPLETED\""),
                line("job.payment", "10:00:00", ",\"mode\":\"AMC\",\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"},\"reference\":\"AMC-9\""),
                line("job.payment", "10:00:00", ",\"mode\":\"CASH\",\"amount\":{\"amount\":\"350.00\",\"currency\":\"INR\"}"));
        assertThat(a.coverageValid()).isTrue();
        assertThat(a.amountDue()).isEqualTo(Money.inr(35_000));
        assertThat(a.status()).isEqualTo(PaymentStatus.COVERED);
    }

    @Test
    void anExpiredOrMismatchedCoverageCoversNothing() throws IOException {
        String expired = ",\"coverage\":{\"kind\":\"WARRANTY\",\"ref\":\"W-1\",\"valid_until\":\"2026-11-01\",\"job_types\":[]}";
        JobAccount a = fold(expired, line("job.status", "10:00:00", ",\"status\":\"COMPLETED\""),
                line("job.payment", "10:00:00", ",\"mode\":\"WARRANTY\",\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"}"));
        assertThat(a.coverageValid()).isFalse();
        assertThat(a.amountDue()).isEqualTo(Money.inr(99_900));
        String otherType = ",\"coverage\":{\"kind\":\"AMC\",\"ref\":\"A\",\"valid_until\":\"2027-01-01\",\"job_types\":[\"RO_SERVICE\"]}";
        assertThat(fold(otherType, line("job.payment", "10:00:00",
                ",\"mode\":\"AMC\",\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"}")).coverageValid()).isFalse();
    }

    @Test
    void statusesOfPendingCreditAndWaiver() throws IOException {
        assertThat(fold("").status()).isEqualTo(PaymentStatus.NONE);
        assertThat(fold("", line("job.payment", "10:00:00", ",\"mode\":\"PENDING\",\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"},"
                + "\"promised_on\":\"2026-11-05\"")).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(fold("", line("job.payment", "10:00:00", ",\"mode\":\"INVOICE_REQUIRED\",\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"}"))
                .status()).isEqualTo(PaymentStatus.INVOICE_REQUIRED);
        JobAccount waived = fold("", line("job.payment", "10:00:00", ",\"mode\":\"WAIVED\",\"amount\":{\"amount\":\"999.00\",\"currency\":\"INR\"},"
                + "\"approved_by\":\"owner-1\""));
        assertThat(waived.status()).isEqualTo(PaymentStatus.WAIVED);
        assertThat(waived.outstanding()).isEqualTo(Money.inr(0));
        JobAccount unapproved = fold("", line("job.payment", "10:00:00", ",\"mode\":\"WAIVED\",\"amount\":{\"amount\":\"999.00\",\"currency\":\"INR\"}"));
        assertThat(unapproved.waived()).isFalse();
    }
}
