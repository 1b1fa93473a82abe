package io.github.geodispatch.journal;

import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.contract.Entitlement;
import io.github.geodispatch.leakage.AuditReport;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerHashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal's customer and contract lines: round trip, the sample file, import by the record's rules, audit. */
class ContractJournalTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    @Test
    void everyCustomerAndContractRecordRoundTrips() throws IOException {
        String text = ContractJournalSample.text();
        List<JournalProblem> problems = new ArrayList<>();
        List<JournalRecord> read = new ArrayList<>();
        JournalReader.create().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                (line, r) -> read.add(r));
        assertThat(problems).isEmpty();
        assertThat(read).isEqualTo(ContractJournalSample.records());
        assertThat(read).extracting(JournalRecord::type).contains("customer.registered", "customer.site",
                "customer.equipment", "contract.drafted", "contract.activated");
    }

    @Test
    void theSampleFileIsWhatTheSampleWrites() throws IOException {
        String text = ContractJournalSample.text();
        if (Boolean.getBoolean("geodispatch.regenerate")) {
            Path dir = SampleData.path("");
            Files.createDirectories(dir.resolve("contracts"));
            Files.writeString(dir.resolve(ContractJournalSample.FILE), text, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SampleData.path(ContractJournalSample.FILE), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void importDecidesCustomerLinesByTheRecordsRulesAndChainsThem() throws IOException {
        String journal = String.join("\n",
                "{\"type\":\"customer.registered\",\"customer\":\"C-1\",\"at\":\"2026-01-01T09:00:00+05:30\",\"branch\":\"B\",\"name\":\"A\",\"phones\":[\"+919845011111\"],\"language\":\"hi\"}",
                "{\"type\":\"customer.registered\",\"customer\":\"C-2\",\"at\":\"2026-01-01T09:00:00+05:30\",\"branch\":\"B\",\"name\":\"B\",\"phones\":[\"98450\"]}",
                "{\"type\":\"customer.site\",\"customer\":\"C-1\",\"at\":\"2026-01-01T10:00:00+05:30\",\"site_id\":\"S-1\",\"location\":{\"lat\":12.9,\"lng\":77.6}}",
                "{\"type\":\"customer.equipment\",\"customer\":\"C-1\",\"at\":\"2026-01-01T11:00:00+05:30\",\"equipment_id\":\"E-1\",\"site_id\":\"S-1\",\"equipment_type\":\"SPLIT_AC\",\"serial\":\"X1\",\"installed_on\":\"2025-01-01\"}",
                "{\"type\":\"customer.equipment\",\"customer\":\"C-1\",\"at\":\"2026-01-01T11:00:00+05:30\",\"equipment_id\":\"E-2\",\"site_id\":\"S-1\",\"equipment_type\":\"SPLIT_AC\",\"serial\":\"x1\",\"installed_on\":\"2025-01-01\"}",
                "{\"type\":\"customer.equipment\",\"customer\":\"C-1\",\"at\":\"2026-01-01T11:00:00+05:30\",\"equipment_id\":\"E-3\",\"site_id\":\"S-1\",\"equipment_type\":\"SPLIT_AC\",\"serial\":7,\"installed_on\":\"2025-01-01\"}",
                "{\"type\":\"contract.drafted\",\"customer\":\"C-1\",\"at\":\"2026-01-02T09:00:00+05:30\",\"contract\":\"K-1\",\"contract_kind\":\"AMC\",\"sites\":[\"S-1\"],\"visits_per_year\":2,\"visit_job_type\":\"AC_PM\",\"labour_covered\":true,\"price\":{\"amount\":\"999.00\",\"currency\":\"INR\"},\"start\":\"2026-01-01\",\"end\":\"2026-12-31\"}",
                "{\"type\":\"contract.activated\",\"customer\":\"C-1\",\"at\":\"2026-01-02T10:00:00+05:30\",\"contract\":\"K-9\"}");
        List<CustomerEvent> events = new ArrayList<>();
        JournalImporter importer = customerImporter(events);
        JournalSummary summary = JournalReader.create().read(
                new ByteArrayInputStream(journal.getBytes(StandardCharsets.UTF_8)), importer);

        assertThat(summary.problems()).extracting(JournalProblem::line).containsExactly(6L);
        assertThat(summary.problems().get(0).kind()).isEqualTo(JournalProblem.Kind.MALFORMED);
        assertThat(importer.problems()).extracting(JournalProblem::line).containsExactly(2L, 5L, 8L);
        assertThat(importer.problems()).extracting(JournalProblem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("customer.registered of customer C-2: INVALID_PHONE"),
                m -> assertThat(m).startsWith("customer.equipment of customer C-1: DUPLICATE_SERIAL"),
                m -> assertThat(m).startsWith("contract.activated of customer C-1: UNKNOWN_CONTRACT"));
        assertThat(events).hasSize(4);
        assertThat(CustomerHashChain.verifies(events, null)).isTrue();
    }

    /** An importer of tenant {@code t} that keeps the customer events in {@code events} and drops the job events. */
    static JournalImporter customerImporter(List<CustomerEvent> events) {
        return new JournalImporter(TenantId.of("t"), new JournalImporter.Target() {
            @Override
            public void event(JobEvent event) {
            }

            @Override
            public void customerEvent(CustomerEvent event) {
                events.add(event);
            }
        });
    }

    @Test
    void aContractInvoiceLineRoundTripsAndImportsOnceUnderOneNumber() throws IOException {
        String head = String.join("\n",
                "{\"type\":\"customer.registered\",\"customer\":\"C-1\",\"at\":\"2026-01-01T09:00:00+05:30\",\"branch\":\"B\",\"name\":\"A\"}",
                "{\"type\":\"customer.site\",\"customer\":\"C-1\",\"at\":\"2026-01-01T10:00:00+05:30\",\"site_id\":\"S-1\",\"location\":{\"lat\":12.9,\"lng\":77.6}}",
                "{\"type\":\"contract.drafted\",\"customer\":\"C-1\",\"at\":\"2026-01-02T09:00:00+05:30\",\"contract\":\"K-1\",\"contract_kind\":\"AMC\",\"sites\":[\"S-1\"],\"visits_per_year\":2,\"visit_job_type\":\"AC_PM\",\"labour_covered\":true,\"price\":{\"amount\":\"999.00\",\"currency\":\"INR\"},\"instalments\":2,\"start\":\"2026-01-01\",\"end\":\"2026-12-31\"}",
                "{\"type\":\"contract.activated\",\"customer\":\"C-1\",\"at\":\"2026-01-02T10:00:00+05:30\",\"contract\":\"K-1\"}");
        CustomerRecords.ContractInvoiced invoiced = new CustomerRecords.ContractInvoiced(
                io.github.geodispatch.spi.CustomerId.of("C-1"), java.time.OffsetDateTime.parse("2026-01-02T11:00:00+05:30"),
                ContractId.of("K-1"), 1, "KRM/2526/00007", java.time.LocalDate.of(2026, 1, 1),
                io.github.geodispatch.spi.Money.inr(49_950), io.github.geodispatch.spi.Money.inr(58_900));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JournalWriter out = JournalWriter.to(bytes)) {
            out.write(invoiced);
        }
        String line = bytes.toString(StandardCharsets.UTF_8).strip();
        assertThat(line).isEqualTo("{\"type\":\"contract.invoiced\",\"customer\":\"C-1\",\"at\":\"2026-01-02T11:00:00+05:30\","
                + "\"contract\":\"K-1\",\"instalment\":1,\"invoice_number\":\"KRM/2526/00007\",\"invoice_date\":\"2026-01-01\","
                + "\"taxable_value\":{\"amount\":\"499.50\",\"currency\":\"INR\"},"
                + "\"total\":{\"amount\":\"589.00\",\"currency\":\"INR\"}}");
        String other = line.replace("00007", "00008");
        String journal = String.join("\n", head, line, line, other);

        List<JournalRecord> read = new ArrayList<>();
        JournalReader.create().read(new ByteArrayInputStream(journal.getBytes(StandardCharsets.UTF_8)), (n, r) -> read.add(r));
        assertThat(read.get(4)).isEqualTo(invoiced);

        List<CustomerEvent> events = new ArrayList<>();
        JournalImporter importer = customerImporter(events);
        JournalReader.create().read(new ByteArrayInputStream(journal.getBytes(StandardCharsets.UTF_8)), importer);
        assertThat(events).filteredOn(e -> e instanceof CustomerEvent.ContractInvoiced).hasSize(1);
        assertThat(importer.problems()).extracting(JournalProblem::line).containsExactly(7L);
        assertThat(importer.problems().get(0).message()).contains("INSTALMENT_ALREADY_INVOICED");
        ContractPortfolio portfolio = ContractPortfolio.create(ZONE, Currency.INR);
        events.forEach(portfolio::accept);
        assertThat(portfolio.kpis(java.time.LocalDate.of(2026, 2, 1)).revenue())
                .isEqualTo(io.github.geodispatch.spi.Money.inr(49_950));
    }

    @Test
    void theSampleAuditFindsEveryPlantedContractLeakAndNothingElse() throws IOException {
        AuditReport report = LeakageAudit.run(SampleData.path(ContractJournalSample.FILE),
                ContractJournalSample.AS_OF.toInstant(), LeakagePolicy.defaults().withZone(ZONE).withVisitRules(false));

        assertThat(report.importProblems()).isEmpty();
        assertThat(report.findings()).extracting(f -> f.code() + " " + (f.job() != null ? f.job().value() : f.reference()))
                .containsExactlyInAnyOrderElementsOf(ContractJournalSample.PLANTED);
        Finding missed = report.findings().stream().filter(f -> f.job() == null).findFirst().orElseThrow();
        assertThat(missed.amountAtRisk().toPlainString()).isEqualTo("1499.50");
    }

    @Test
    void theSampleEntitlementsFollowTheJobs() throws IOException {
        ContractPortfolio portfolio = ContractPortfolio.create(ZONE, Currency.INR);
        JournalImporter importer = new JournalImporter(TenantId.of("t"), portfolio.journalTarget());
        JournalReader.create().read(SampleData.path(ContractJournalSample.FILE), importer);
        var asOf = ContractJournalSample.AS_OF.toLocalDate();

        Entitlement amc101 = portfolio.entitlement(ContractId.of("AMC-101"), asOf).orElseThrow();
        assertThat(List.of(amc101.entitled(), amc101.used(), amc101.remaining(), amc101.visitsDone(), amc101.visitsOverdue()))
                .containsExactly(6, 4, 2, 3, 1);
        assertThat(portfolio.renewalsDue(asOf)).extracting(r -> r.contract().value() + " " + r.daysLeft() + " " + r.stage())
                .containsExactly("AMC-102 9 15");
        assertThat(portfolio.warrantyExpiries(asOf)).extracting(w -> w.equipment().id().value()).containsExactly("EQ-101");
        assertThat(portfolio.kpis(asOf).renewed()).isEqualTo(1);
        assertThat(portfolio.kpis(asOf).ended()).isEqualTo(2);
    }
}
