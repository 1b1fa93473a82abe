package io.github.geodispatch.internal;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.plan.PartPreference;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.stock.StockLedger;
import io.github.geodispatch.stock.UsualParts;
import java.util.List;

/**
 * The planner's part preference read from van stock: one point for each of the job type's usual parts that the
 * technician's van holds in full, as the ledger's book stands when the planner asks. Thread-safe (the ledger's
 * reads are).
 */
final class VanStockPreference implements PartPreference {
    private final UsualParts usualParts;
    private final StockLedger stock;

    VanStockPreference(UsualParts usualParts, StockLedger stock) {
        this.usualParts = usualParts;
        this.stock = stock;
    }

    @Override
    public int bonus(TechnicianId technician, DispatchJob job) {
        List<TechnicianId> one = List.of(technician);
        int held = 0;
        for (UsualParts.Need need : usualParts.forJobType(job.jobType())) {
            if (!stock.vansHolding(one, need.sku(), need.quantity()).isEmpty()) {
                held++;
            }
        }
        return Math.min(held, MAX_BONUS);
    }
}
