package io.github.geodispatch.billing;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import static org.assertj.core.api.Assertions.assertThat;

class BillingPropertiesTest {

    @Provide
    Arbitrary<BillableJob> jobs() {
        return RandomJobs.jobs();
    }

    @Provide
    Arbitrary<PriceBasis> bases() {
        return Arbitraries.of(PriceBasis.class);
    }

    @Property(tries = 300)
    void taxLinesAlwaysAddUpToTheInvoiceTotal(@ForAll("jobs") BillableJob job, @ForAll("bases") PriceBasis basis) {
        Optional<Invoice> drafted = Fixtures.drafter(basis, new InMemoryInvoiceSequence()).draft(job);
        if (drafted.isEmpty()) {
            return;
        }
        Invoice invoice = drafted.get();
        long sum = invoice.roundOff().minor();
        for (InvoiceLine line : invoice.lines()) {
            long lineSum = line.taxableValue().minor();
            for (TaxComponent tax : line.taxes()) {
                lineSum += tax.amount().minor();
            }
            assertThat(lineSum).isEqualTo(line.total().minor());
            assertThat(line.taxableValue()).isEqualTo(line.unitPrice().times(line.quantity()));
            sum += lineSum;
        }
        assertThat(sum).isEqualTo(invoice.total().minor());
        long byHead = invoice.taxableValue().minor() + invoice.roundOff().minor()
                + invoice.taxTotals().values().stream().mapToLong(Money::minor).sum();
        assertThat(byHead).isEqualTo(invoice.total().minor());
        assertThat(invoice.total().minor() % 100).as("total in whole rupees").isZero();
        assertThat(Math.abs(invoice.roundOff().minor())).isLessThanOrEqualTo(50);
    }

    @Property(tries = 300)
    void cgstEqualsSgstAndIgstOnlyInterState(@ForAll("jobs") BillableJob job, @ForAll("bases") PriceBasis basis) {
        Optional<Invoice> drafted = Fixtures.drafter(basis, new InMemoryInvoiceSequence()).draft(job);
        if (drafted.isEmpty()) {
            return;
        }
        Invoice invoice = drafted.get();
        boolean interState = !invoice.placeOfSupply().equals(invoice.seller().region());
        for (InvoiceLine line : invoice.lines()) {
            assertThat(line.tax("CGST")).isEqualTo(line.tax("SGST"));
            if (interState) {
                assertThat(line.tax("CGST").isZero() && line.tax("SGST").isZero()).isTrue();
                assertThat(line.taxes()).extracting(TaxComponent::head).containsOnly("IGST");
            } else {
                assertThat(line.tax("IGST").isZero()).isTrue();
                assertThat(line.taxes()).extracting(TaxComponent::head).containsExactly("CGST", "SGST");
            }
        }
        assertThat(invoice.tax("CGST")).isEqualTo(invoice.tax("SGST"));
    }

    @Property(tries = 12)
    void numbersInASeriesAreGaplessAndUniqueUnderEightThreads(@ForAll @IntRange(min = 20, max = 120) int perThread)
            throws Exception {
        InMemoryInvoiceSequence sequence = new InMemoryInvoiceSequence();
        InvoiceDrafter drafter = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int thread = 0; thread < 8; thread++) {
                int t = thread;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> numbers = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String branch = (i + t) % 2 == 0 ? "BR-1" : "BR-2";
                        BillableJob job = new BillableJob(JobId.of("J-" + t + "-" + i), BranchId.of(branch),
                                "AC_SERVICE", Fixtures.DAY, Money.inr(10_000 + i), null, List.of(), List.of(), null,
                                Fixtures.CONSUMER, null);
                        numbers.add(drafter.draft(job).orElseThrow().number());
                    }
                    return numbers;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(8 * perThread);
            Map<String, List<Long>> bySeries = all.stream().collect(Collectors.groupingBy(
                    number -> number.substring(0, number.lastIndexOf('/')),
                    Collectors.mapping(number -> Long.parseLong(number.substring(number.lastIndexOf('/') + 1)),
                            Collectors.toList())));
            assertThat(bySeries).containsOnlyKeys("KRM/2627", "IND/2627");
            for (List<Long> numbers : bySeries.values()) {
                Collections.sort(numbers);
                assertThat(numbers).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, numbers.size()).boxed().collect(Collectors.toList()));
            }
            assertThat(all).allSatisfy(number -> assertThat(number).hasSizeLessThanOrEqualTo(16)
                    .matches("[A-Z1-9][A-Z0-9/-]{0,15}"));
        } finally {
            pool.shutdownNow();
        }
    }
}
