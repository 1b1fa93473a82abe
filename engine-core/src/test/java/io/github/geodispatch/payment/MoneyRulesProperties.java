package io.github.geodispatch.payment;

import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.StreamId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One set of money rules, live and batch: random payment sequences on one job, with repeated references (same
 * and different mode or amount) and payments in a foreign currency, go through the live engine as commands and
 * through the journal importer as lines. The engine's answer to each command and the importer's to each line
 * agree; the payments kept agree; and the account folded from either stream, or from the raw sequence with
 * nothing refused, pays what a naive oracle counts.
 */
class MoneyRulesProperties {
    private static final long QUOTE = 284_900;

    record Pay(PaymentMode mode, long paise, Currency currency, String reference) {}

    @Provide
    Arbitrary<List<Pay>> payments() {
        Arbitrary<Long> amounts = Arbitraries.of(100_000L, 150_000L, 284_900L);
        Arbitrary<Currency> currencies = Arbitraries.frequency(net.jqwik.api.Tuple.of(4, Currency.INR),
                net.jqwik.api.Tuple.of(1, Currency.KES));
        // few references, so repeats are common; UPI, CARD and CASH share the UTR-shaped ones
        Arbitrary<String> utrs = Arbitraries.of("412345678900", "412345678901", "412345678902");
        Arbitrary<String> transIds = Arbitraries.of("QK12345670", "QK12345671");
        Arbitrary<Pay> pay = Arbitraries.of(PaymentMode.UPI, PaymentMode.MPESA, PaymentMode.CARD, PaymentMode.CASH)
                .flatMap(mode -> {
                    Arbitrary<String> reference = switch (mode) {
                        case UPI -> utrs;
                        case MPESA -> transIds;
                        default -> utrs.injectNull(0.4);
                    };
                    return Combinators.combine(amounts, currencies, reference)
                            .as((paise, currency, ref) -> new Pay(mode, paise, currency, ref));
                });
        return pay.list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 200)
    void theImporterRefusesExactlyWhatTheLiveEngineRefuses(@ForAll("payments") List<Pay> payments) throws IOException {
        // live: one command per payment
        InMemoryJobEventStore store = new InMemoryJobEventStore();
        JobRecord engine = JobRecord.builder().eventStore(store).build();
        engine.execute(MoneyRulesTest.OWNER, JobCommand.CreateJob.builder(MoneyRulesTest.JOB, BranchId.of("BR-1"),
                CustomerId.of("C-1"), MoneyRulesTest.SITE, "AC_SERVICE").quote(Money.inr(QUOTE)).build()).orThrow();
        List<String> live = new ArrayList<>();
        for (Pay p : payments) {
            CommandResult result = engine.execute(MoneyRulesTest.OWNER, new JobCommand.RecordPayment(MoneyRulesTest.JOB,
                    p.mode(), Money.ofMinor(p.paise(), p.currency()), p.reference(), null));
            live.add(outcome(result));
        }
        List<JobEvent> liveStream = store.readStream(StreamId.of(MoneyRulesTest.TENANT, MoneyRulesTest.JOB));

        // batch: one journal line per payment, after the job.created on line 1
        StringBuilder journal = new StringBuilder("{\"type\":\"job.created\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:00:00+05:30\","
                + "\"branch\":\"BR-1\",\"customer\":\"C-1\",\"job_type\":\"AC_SERVICE\",\"site\":{\"lat\":12.97,\"lng\":77.64,"
                + "\"radius_m\":60},\"quote\":{\"amount\":\"2849.00\",\"currency\":\"INR\"}}\n");
        for (int i = 0; i < payments.size(); i++) {
            Pay p = payments.get(i);
            journal.append(String.format("{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"2026-11-02T09:%02d:00+05:30\","
                            + "\"mode\":\"%s\",\"amount\":{\"amount\":\"%s\",\"currency\":\"%s\"}%s}%n", i, p.mode(),
                    Money.ofMinor(p.paise(), p.currency()).toPlainString(), p.currency(),
                    p.reference() == null ? "" : ",\"reference\":\"" + p.reference() + "\""));
        }
        List<JobEvent> batchStream = new ArrayList<>();
        JournalImporter importer = new JournalImporter(MoneyRulesTest.TENANT, batchStream::add);
        JournalReader.create().read(new ByteArrayInputStream(journal.toString().getBytes(StandardCharsets.UTF_8)), importer);
        Map<Long, String> refusedLines = importer.problems().stream()
                .filter(problem -> problem.kind() == JournalProblem.Kind.REFUSED)
                .collect(Collectors.toMap(JournalProblem::line, problem -> problem.message().split(":")[0], (a, b) -> a,
                        TreeMap::new));
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            batch.add(refusedLines.getOrDefault(i + 2L, "ACCEPTED"));
        }

        assertThat(batch).isEqualTo(live);
        assertThat(payments(batchStream)).isEqualTo(payments(liveStream));

        Money expected = Money.inr(naivelyPaid(payments));
        assertThat(fold(liveStream).paidOnSite()).isEqualTo(expected);
        assertThat(fold(batchStream).paidOnSite()).isEqualTo(expected);
        MoneyRulesTest.RawStream raw = new MoneyRulesTest.RawStream(Money.inr(QUOTE));
        payments.forEach(p -> raw.paid(p.mode(), Money.ofMinor(p.paise(), p.currency()), p.reference()));
        assertThat(raw.fold().paidOnSite()).isEqualTo(expected);
    }

    /** The engine's answer in the importer's words: ACCEPTED, or the verdict of a refused line. */
    private static String outcome(CommandResult result) {
        if (result instanceof CommandResult.Accepted a) {
            return a.events().isEmpty() ? MoneyRules.Verdict.REPEAT.name() : MoneyRules.Verdict.ACCEPTED.name();
        }
        Rejection rejection = ((CommandResult.Rejected) result).rejection();
        return switch (rejection.reason()) {
            case DUPLICATE_REFERENCE -> MoneyRules.Verdict.DUPLICATE_REFERENCE.name();
            case INVALID_INPUT -> MoneyRules.Verdict.CURRENCY_MISMATCH.name();
            default -> throw new AssertionError("unexpected rejection " + rejection);
        };
    }

    /** The first payment of each reference counts, if it is in rupees; every other one is refused. */
    private static long naivelyPaid(List<Pay> payments) {
        Set<String> seen = new HashSet<>();
        long paid = 0;
        for (Pay p : payments) {
            if (p.currency() == Currency.INR && (p.reference() == null || seen.add(p.reference()))) {
                paid += p.paise();
            }
        }
        return paid;
    }

    private static List<String> payments(List<JobEvent> stream) {
        return stream.stream().filter(e -> e instanceof JobEvent.PaymentRecorded).map(e -> (JobEvent.PaymentRecorded) e)
                .map(p -> p.mode() + " " + p.amount() + " " + p.reference()).toList();
    }

    private static JobAccount fold(List<JobEvent> stream) {
        JobAccount account = new JobAccount(ZoneId.of("Asia/Kolkata"));
        stream.forEach(account::apply);
        return account;
    }
}
