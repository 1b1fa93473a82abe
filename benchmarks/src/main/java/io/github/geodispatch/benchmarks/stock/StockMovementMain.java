package io.github.geodispatch.benchmarks.stock;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link StockMovementBenchmark}'s four operations timed in this thread's CPU time rather than wall-clock time, for a
 * loaded machine where JMH's wall-clock averages mostly measure the other processes: for each book size, each
 * operation runs {@code rounds} rounds of {@code calls} calls (a tenth of them through the ledger, whose in-memory
 * store keeps every event; a hundredth of the baseline's on the large book) and prints CPU nanoseconds per call for
 * each round, the first two (in brackets) warm-up.
 *
 * <pre>{@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.stock.StockMovementMain [rounds] [calls]}</pre>
 */
public final class StockMovementMain {
    private StockMovementMain() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int holdings : new int[] {1_000, 100_000}) {
            StockMovementBenchmark b = new StockMovementBenchmark();
            b.holdings = holdings;
            b.prepare();
            for (var op : List.<Object[]>of(new Object[] {"book", (Supplier<Object>) b::book},
                    new Object[] {"bookChained", (Supplier<Object>) b::bookChained},
                    new Object[] {"ledger", (Supplier<Object>) b::ledger},
                    new Object[] {"naiveRefold", (Supplier<Object>) b::naiveRefold})) {
                @SuppressWarnings("unchecked")
                Supplier<Object> call = (Supplier<Object>) op[1];
                // the in-memory store keeps every event the ledger appends; the refold of a long stream is slow
                int n = op[0].equals("ledger") ? calls / 10 : op[0].equals("naiveRefold") && holdings > 1_000 ? calls / 100
                        : calls;
                StringBuilder line = new StringBuilder(String.format("holdings %,7d %-12s", holdings, op[0]));
                long sink = 0;
                for (int r = 1; r <= rounds; r++) {
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        sink += System.identityHashCode(call.get());
                    }
                    long perCall = (threads.getCurrentThreadCpuTime() - cpu0) / n;
                    line.append(r <= 2 ? String.format(" (%,d)", perCall) : String.format(" %,d", perCall));
                }
                System.out.println(line.append(" ns cpu per call").append(sink == 42 ? "!" : ""));
            }
        }
    }
}
