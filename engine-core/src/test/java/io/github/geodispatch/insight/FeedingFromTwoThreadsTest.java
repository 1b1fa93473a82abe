package io.github.geodispatch.insight;

import io.github.geodispatch.insight.internal.CustomerCareView;
import io.github.geodispatch.insight.internal.IncrementalOwnerView;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.StockEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.geodispatch.insight.OwnerViewTest.ACME;
import static io.github.geodispatch.insight.OwnerViewTest.DAY;
import static io.github.geodispatch.insight.OwnerViewTest.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two listeners feeding one job's events in turn (the second handed the next event while the first is still inside
 * the view): the customer-care KPIs lost the first one. The wrapped view took both in order, but the care view folded
 * the later first and then skipped the earlier as a replay, so a COMPLETED went uncounted.
 */
class FeedingFromTwoThreadsTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    /**
     * Hands everything to {@code inner}; after {@code slow} it waits (at most 5 s) until the thread {@code next} holds
     * has fed its event all the way through or is blocked waiting for the view.
     */
    private static OwnerView gate(OwnerView inner, JobEvent slow, CountDownLatch inside, AtomicReference<Thread> next) {
        return new OwnerView() {
            @Override
            public void accept(JobEvent event) {
                inner.accept(event);
                if (event == slow) {
                    inside.countDown();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (System.nanoTime() < deadline && !doneOrBlocked(next.get())) {
                        Thread.onSpinWait();
                    }
                }
            }

            private boolean doneOrBlocked(Thread t) {
                return t != null && (t.getState() == Thread.State.TERMINATED || t.getState() == Thread.State.BLOCKED);
            }

            @Override
            public void accept(AttendanceDay attendance) {
                inner.accept(attendance);
            }

            @Override
            public void accept(CashDeposit deposit, BranchId branch) {
                inner.accept(deposit, branch);
            }

            @Override
            public void accept(LeakageRisk risk) {
                inner.accept(risk);
            }

            @Override
            public void accept(StockEvent event) {
                inner.accept(event);
            }

            @Override
            public KpiReport report(KpiQuery query) {
                return inner.report(query);
            }

            @Override
            public PartsKpis parts(LocalDate from, LocalDate to) {
                return inner.parts(from, to);
            }

            @Override
            public List<PendingCollection> pendingCollections(LocalDate from, LocalDate to) {
                return inner.pendingCollections(from, to);
            }
        };
    }

    @Test
    void aJobsEventsFedInTurnFromTwoThreadsAreFoldedInOrder() throws InterruptedException {
        List<JobEvent> events = new JobScript(ACME, "J1").created(at("09:00"), "BR-1", "AC_SERVICE", 100_000, null, null)
                .assigned(at("09:05"), "T-1").status(at("09:40"), JobStatus.ARRIVED).status(at("10:40"), JobStatus.COMPLETED)
                .feedback(at("10:45"), 5).events();
        JobEvent completed = events.get(3);
        CountDownLatch inside = new CountDownLatch(1);
        AtomicReference<Thread> next = new AtomicReference<>();
        OwnerView inner = new IncrementalOwnerView(ACME, Currency.INR, IST, Duration.ofMinutes(10), false);
        CustomerCareView view = new CustomerCareView(gate(inner, completed, inside, next), IST);
        events.subList(0, 3).forEach(view::accept);

        Thread first = new Thread(() -> view.accept(completed));
        first.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        Thread second = new Thread(() -> view.accept(events.get(4))); // the feedback, handed on while COMPLETED is inside
        second.start();
        next.set(second);
        first.join(5_000);
        second.join(5_000);

        CustomerCareKpis care = view.customerCare(DAY, DAY);
        assertThat(care.completed()).isEqualTo(1);
        assertThat(care.ratings()).isEqualTo(1);
        assertThat(view.report(KpiQuery.day(DAY, Grouping.TOTAL, at("18:00"))).total().jobsCompleted()).isEqualTo(1);
    }
}
