package io.github.geodispatch.stock;

import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.WriteOffReason;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a host asks of the {@link StockLedger}. Records check their shape at once (a quantity below 1 is an
 * {@link IllegalArgumentException}); the ledger decides the rest against the stock it holds and answers with a
 * {@link StockResult}. {@code serials} name the units of a serial-tracked SKU, one per unit (empty for any other
 * SKU). Immutable and thread-safe.
 */
public sealed interface StockCommand {

    /** Adds a SKU to the catalogue, or changes its name, HSN code, unit, GST rate or prices. */
    record DefineSku(Sku sku) implements StockCommand {
        public DefineSku {
            Objects.requireNonNull(sku, "sku");
        }
    }

    /** Opens a warehouse or a technician's van. */
    record OpenLocation(Location location) implements StockCommand {
        public OpenLocation {
            Objects.requireNonNull(location, "location");
        }
    }

    /** Sets the least of {@code sku} the location should hold (0 turns the alert off). */
    record SetMinimum(LocationId location, String sku, int minimum) implements StockCommand {
        public SetMinimum {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(sku, "sku");
            if (minimum < 0) {
                throw new IllegalArgumentException("minimum must be >= 0, was " + minimum);
            }
        }
    }

    /** A purchase received into the location at {@code unitCost} each; {@code reference} is the supplier's bill (or null). */
    record Receive(LocationId location, String sku, int quantity, Money unitCost, List<String> serials,
                   String reference) implements StockCommand {
        public Receive {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(sku, "sku");
            positive(quantity, "received quantity");
            Objects.requireNonNull(unitCost, "unit cost");
            serials = serials == null ? List.of() : List.copyOf(serials);
        }
    }

    /** Parts moved from one location to another (a warehouse to a van, a van back to the warehouse). */
    record Transfer(LocationId from, LocationId to, String sku, int quantity, List<String> serials)
            implements StockCommand {
        public Transfer {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(sku, "sku");
            positive(quantity, "transferred quantity");
            serials = serials == null ? List.of() : List.copyOf(serials);
        }
    }

    /**
     * Parts a technician takes out of their van, for {@code job} or for no job (null). A later part use on the same
     * job and SKU from the job record is matched to the take instead of taking the part out again.
     */
    record Take(LocationId van, String sku, int quantity, List<String> serials, JobId job) implements StockCommand {
        public Take {
            Objects.requireNonNull(van, "van");
            Objects.requireNonNull(sku, "sku");
            positive(quantity, "taken quantity");
            serials = serials == null ? List.of() : List.copyOf(serials);
        }
    }

    /**
     * A part the job record says was used on {@code job} ({@code partEvent}: its {@link JobEvent.PartUsed} event),
     * taken from the van of {@code technician}. It is never refused for want of stock: units the van's book does
     * not hold are recorded off-book. Repeating it for the same part event changes nothing.
     */
    record UseOnJob(JobId job, TechnicianId technician, String sku, int quantity, UUID partEvent)
            implements StockCommand {
        public UseOnJob {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(sku, "sku");
            positive(quantity, "used quantity");
            Objects.requireNonNull(partEvent, "part event");
        }

        /** The use of {@code part}, from the van of the job's technician. */
        public static UseOnJob of(JobEvent.PartUsed part, TechnicianId technician) {
            return new UseOnJob(part.header().job(), technician, part.sku(), part.quantity(), part.header().eventId());
        }
    }

    /** Parts brought back from {@code job} into the location. */
    record Return(LocationId location, JobId job, String sku, int quantity, List<String> serials)
            implements StockCommand {
        public Return {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(sku, "sku");
            positive(quantity, "returned quantity");
            serials = serials == null ? List.of() : List.copyOf(serials);
        }
    }

    /** Parts written off for {@code reason}; {@code note} explains (required for OTHER). */
    record WriteOff(LocationId location, String sku, int quantity, WriteOffReason reason, String note,
                    List<String> serials) implements StockCommand {
        public WriteOff {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(sku, "sku");
            positive(quantity, "written-off quantity");
            Objects.requireNonNull(reason, "reason");
            serials = serials == null ? List.of() : List.copyOf(serials);
        }
    }

    /** A stock count: {@code counted} units of {@code sku} found at the location (for serials, the serials found). */
    record Count(LocationId location, String sku, int counted, List<String> serials) implements StockCommand {
        public Count {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(sku, "sku");
            if (counted < 0) {
                throw new IllegalArgumentException("counted quantity must be >= 0, was " + counted);
            }
            serials = serials == null ? List.of() : List.copyOf(serials);
        }
    }

    private static void positive(int quantity, String what) {
        if (quantity < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, was " + quantity);
        }
    }
}
