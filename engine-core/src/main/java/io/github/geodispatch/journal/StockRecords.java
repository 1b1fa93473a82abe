package io.github.geodispatch.journal;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.WriteOffReason;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The journal's records of parts and van stock, the {@code stock.*} types (see {@link JournalRecord.Stock}). They
 * carry what was entered: quantities, serials and, for receipts, the unit cost; the stock engine derives the rest
 * (costs at weighted average cost, what a count found short) when it reads them, so a journal from any system
 * folds to the same stock. A part used on a job is not a stock record: {@code job.part} takes it from the van of
 * the job's technician. Records check their shape (a quantity below 1, a blank SKU are rejected), not the stock
 * they describe. Immutable and thread-safe.
 */
public final class StockRecords {
    private StockRecords() {}

    /** {@code stock.sku}: a SKU of the catalogue, or a new definition of it. */
    public record Sku(OffsetDateTime at, String sku, String name, String hsn, String unit, int gstRateBasisPoints,
                      Money costPrice, Money sellPrice, boolean serialTracked) implements JournalRecord.Stock {
        public Sku {
            Objects.requireNonNull(at, "at");
            requireSku(sku);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(costPrice, "cost_price").requireNonNegative("cost_price");
            Objects.requireNonNull(sellPrice, "sell_price").requireNonNegative("sell_price");
        }

        @Override
        public String type() {
            return "stock.sku";
        }
    }

    /** {@code stock.location}: a warehouse of {@code branch}, or the van of {@code technician}. */
    public record Location(OffsetDateTime at, LocationId location, LocationKind kind, String name, BranchId branch,
                           TechnicianId technician) implements JournalRecord.Stock {
        public Location {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(branch, "branch");
        }

        @Override
        public String type() {
            return "stock.location";
        }
    }

    /** {@code stock.minimum}: the least of {@code sku} the location should hold. */
    public record Minimum(OffsetDateTime at, LocationId location, String sku, int quantity)
            implements JournalRecord.Stock {
        public Minimum {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(location, "location");
            requireSku(sku);
            if (quantity < 0) {
                throw new IllegalArgumentException("minimum qty must be >= 0, was " + quantity);
            }
        }

        @Override
        public String type() {
            return "stock.minimum";
        }
    }

    /** {@code stock.receipt}: bought in at {@code unitCost} each, on the supplier's bill {@code reference}. */
    public record Receipt(OffsetDateTime at, LocationId location, String sku, int quantity, Money unitCost,
                          List<String> serials, String reference) implements JournalRecord.Stock {
        public Receipt {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(location, "location");
            requireSku(sku);
            requirePositive(quantity);
            Objects.requireNonNull(unitCost, "unit_cost").requireNonNegative("unit_cost");
            StockEvent.Received.requireValue(quantity, unitCost);
            serials = serials == null ? List.of() : List.copyOf(serials);
            reference = reference == null || reference.isBlank() ? null : reference;
        }

        @Override
        public String type() {
            return "stock.receipt";
        }
    }

    /** {@code stock.transfer}: moved from one location to another. */
    public record Transfer(OffsetDateTime at, LocationId from, LocationId to, String sku, int quantity,
                           List<String> serials) implements JournalRecord.Stock {
        public Transfer {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            requireSku(sku);
            requirePositive(quantity);
            serials = serials == null ? List.of() : List.copyOf(serials);
        }

        @Override
        public String type() {
            return "stock.transfer";
        }
    }

    /** {@code stock.use}: taken out of a van by its technician, for {@code job} or for no job (null). */
    public record Use(OffsetDateTime at, LocationId location, String sku, int quantity, List<String> serials,
                      JobId job) implements JournalRecord.Stock {
        public Use {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(location, "location");
            requireSku(sku);
            requirePositive(quantity);
            serials = serials == null ? List.of() : List.copyOf(serials);
        }

        @Override
        public String type() {
            return "stock.use";
        }
    }

    /** {@code stock.return}: brought back from {@code job} into the location. */
    public record Return(OffsetDateTime at, LocationId location, JobId job, String sku, int quantity,
                         List<String> serials) implements JournalRecord.Stock {
        public Return {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(job, "job");
            requireSku(sku);
            requirePositive(quantity);
            serials = serials == null ? List.of() : List.copyOf(serials);
        }

        @Override
        public String type() {
            return "stock.return";
        }
    }

    /** {@code stock.writeoff}: written off for {@code reason}; {@code note} explains (required for OTHER). */
    public record WriteOff(OffsetDateTime at, LocationId location, String sku, int quantity, WriteOffReason reason,
                           String note, List<String> serials) implements JournalRecord.Stock {
        public WriteOff {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(location, "location");
            requireSku(sku);
            requirePositive(quantity);
            Objects.requireNonNull(reason, "reason");
            note = note == null || note.isBlank() ? null : note;
            serials = serials == null ? List.of() : List.copyOf(serials);
        }

        @Override
        public String type() {
            return "stock.writeoff";
        }
    }

    /** {@code stock.count}: {@code quantity} units found at the location (for serials, the serials found). */
    public record Count(OffsetDateTime at, LocationId location, String sku, int quantity, List<String> serials)
            implements JournalRecord.Stock {
        public Count {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(location, "location");
            requireSku(sku);
            if (quantity < 0) {
                throw new IllegalArgumentException("counted qty must be >= 0, was " + quantity);
            }
            serials = serials == null ? List.of() : List.copyOf(serials);
        }

        @Override
        public String type() {
            return "stock.count";
        }
    }

    private static void requireSku(String sku) {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("sku must not be blank");
        }
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("qty must be >= 1, was " + quantity);
        }
    }
}
