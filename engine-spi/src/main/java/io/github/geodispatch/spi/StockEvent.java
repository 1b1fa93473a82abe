package io.github.geodispatch.spi;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Every fact about parts and van stock is one of these, appended to a stock stream: SKU definitions to the
 * tenant's catalogue stream, a location's opening, minimum levels and movements to that location's stream.
 * A location's current stock is a fold of its own stream alone: each movement records the quantity, the serials
 * and the cost (minor units) it moved, as the stock engine decided them from the weighted average cost when it
 * was recorded. All variants are immutable records; {@link StockChain} hashes each one's canonical bytes
 * ({@link StockEncoding}), so a new component needs a new tag there.
 */
public sealed interface StockEvent {
    StockEventHeader header();

    /** A SKU of the catalogue, or a new definition of one (prices change; serial tracking does not). */
    record SkuDefined(StockEventHeader header, String sku, String name, String hsn, String unit,
                      int gstRateBasisPoints, Money costPrice, Money sellPrice, boolean serialTracked)
            implements StockEvent {
        public SkuDefined {
            Objects.requireNonNull(header, "header");
            if (!header.stream().isCatalogue()) {
                throw new IllegalArgumentException("SkuDefined belongs on the catalogue stream, not " + header.stream());
            }
            StockValues.requireSku(sku);
            StockValues.requireText(name, "sku name");
            StockValues.requireHsn(hsn);
            StockValues.requireText(unit, "unit");
            if (gstRateBasisPoints < 0 || gstRateBasisPoints > 10_000) {
                throw new IllegalArgumentException("GST rate must be 0-10000 basis points, was " + gstRateBasisPoints);
            }
            StockValues.requireCost(costPrice, "cost price");
            StockValues.requireCost(sellPrice, "sell price");
            if (costPrice.currency() != sellPrice.currency()) {
                throw new IllegalArgumentException("cost and sell price of " + sku + " must share a currency");
            }
        }
    }

    /**
     * A stock location opened (version 1 of its stream): a branch's WAREHOUSE, or the VAN of {@code technician}
     * (null for a warehouse).
     */
    record LocationOpened(StockEventHeader header, LocationKind kind, String name, BranchId branch,
                          TechnicianId technician) implements StockEvent {
        public LocationOpened {
            StockValues.requireLocationStream(header, "LocationOpened");
            Objects.requireNonNull(kind, "location kind");
            StockValues.requireText(name, "location name");
            Objects.requireNonNull(branch, "branch");
            if ((kind == LocationKind.VAN) != (technician != null)) {
                throw new IllegalArgumentException(kind == LocationKind.VAN ? "a VAN needs its technician"
                        : "a WAREHOUSE has no technician, was given " + technician);
            }
        }

        public LocationId location() {
            return header.location();
        }
    }

    /** The least of {@code sku} the location should hold; below it is a low-stock alert (0 turns it off). */
    record MinimumSet(StockEventHeader header, String sku, int minimum) implements StockEvent {
        public MinimumSet {
            StockValues.requireLocationStream(header, "MinimumSet");
            StockValues.requireSku(sku);
            StockValues.requireNonNegative(minimum, "minimum");
        }
    }

    /** A change of a location's quantity of one SKU. */
    sealed interface Movement extends StockEvent {
        String sku();
    }

    /** Bought in: {@code quantity} units at {@code unitCost} each, on the supplier's bill {@code reference} (or null). */
    record Received(StockEventHeader header, String sku, int quantity, Money unitCost, List<String> serials,
                    String reference) implements Movement {
        public Received {
            StockValues.requireLocationStream(header, "Received");
            StockValues.requireSku(sku);
            StockValues.requirePositive(quantity, "received quantity");
            StockValues.requireCost(unitCost, "unit cost");
            requireValue(quantity, unitCost);
            serials = StockValues.serials(serials, "Received");
            StockValues.requireOnePerUnit(serials, quantity, "Received");
            reference = StockValues.optionalText(reference, "receipt reference");
        }

        /**
         * A receipt's value, {@code quantity x unitCost}, is a single amount: at most {@link Money#MAX_AMOUNT_MINOR}
         * (so the unit cost is too), else an {@link AmountOutOfRangeException}; a value too large even for a
         * {@code long} is refused the same way. Shared by this event and the journal's receipt line, so neither
         * the ledger nor a journal folds a value it cannot hold (a location's value sums its receipts).
         */
        public static void requireValue(int quantity, Money unitCost) {
            if (quantity > 0 && unitCost.minor() > Money.MAX_AMOUNT_MINOR / quantity) {
                throw AmountOutOfRangeException.receiptValue(quantity, unitCost);
            }
        }

        /** What the receipt adds to the location's value: unit cost times quantity. */
        public Money value() {
            return unitCost.times(quantity);
        }
    }

    /** Sent to location {@code to}; its {@link TransferredIn} carries the same {@code transfer} id and cost. */
    record TransferredOut(StockEventHeader header, UUID transfer, LocationId to, String sku, int quantity, Money cost,
                          List<String> serials) implements Movement {
        public TransferredOut {
            StockValues.requireLocationStream(header, "TransferredOut");
            Objects.requireNonNull(transfer, "transfer id");
            Objects.requireNonNull(to, "destination");
            if (to.equals(header.location())) {
                throw new IllegalArgumentException("a transfer needs two locations, both were " + to);
            }
            StockValues.requireSku(sku);
            StockValues.requirePositive(quantity, "transferred quantity");
            StockValues.requireCost(cost, "transfer cost");
            serials = StockValues.serials(serials, "TransferredOut");
            StockValues.requireOnePerUnit(serials, quantity, "TransferredOut");
        }
    }

    /** Received from location {@code from}, at the cost it left there. */
    record TransferredIn(StockEventHeader header, UUID transfer, LocationId from, String sku, int quantity, Money cost,
                         List<String> serials) implements Movement {
        public TransferredIn {
            StockValues.requireLocationStream(header, "TransferredIn");
            Objects.requireNonNull(transfer, "transfer id");
            Objects.requireNonNull(from, "source");
            if (from.equals(header.location())) {
                throw new IllegalArgumentException("a transfer needs two locations, both were " + from);
            }
            StockValues.requireSku(sku);
            StockValues.requirePositive(quantity, "transferred quantity");
            StockValues.requireCost(cost, "transfer cost");
            serials = StockValues.serials(serials, "TransferredIn");
            StockValues.requireOnePerUnit(serials, quantity, "TransferredIn");
        }
    }

    /**
     * Parts taken out of a van. Either a part the job record says was used on {@code job} ({@code partEvent} is
     * that {@link JobEvent.PartUsed}'s id), or a take a technician recorded at the van, for {@code job} or for no
     * job (null). Of the {@code quantity}: {@code alreadyTaken} units were taken out earlier for the same job and
     * SKU (they do not leave the van again), {@code offBook} units were not on the van's book at all (the van held
     * too few: a recorded exception, never a negative quantity), and the rest left the van's book at
     * {@code cost}; {@code offBookCost} values the off-book units at the catalogue cost price. {@code serials}
     * name the units that left the book (or none, for a SKU without serials).
     */
    record Used(StockEventHeader header, String sku, int quantity, int alreadyTaken, int offBook, Money cost,
                Money offBookCost, List<String> serials, JobId job, UUID partEvent) implements Movement {
        public Used {
            StockValues.requireLocationStream(header, "Used");
            StockValues.requireSku(sku);
            StockValues.requirePositive(quantity, "used quantity");
            StockValues.requireNonNegative(alreadyTaken, "already taken");
            StockValues.requireNonNegative(offBook, "off-book quantity");
            if ((long) alreadyTaken + offBook > quantity) {
                throw new IllegalArgumentException("already taken " + alreadyTaken + " plus off-book " + offBook
                        + " exceed the used quantity " + quantity);
            }
            StockValues.requireCost(cost, "use cost");
            StockValues.requireCost(offBookCost, "off-book cost");
            if (offBook == 0 && !offBookCost.isZero()) {
                throw new IllegalArgumentException("an off-book cost needs off-book units");
            }
            serials = StockValues.serials(serials, "Used");
            StockValues.requireOnePerUnit(serials, quantity - alreadyTaken - offBook, "Used");
            if (partEvent != null && job == null) {
                throw new IllegalArgumentException("a use from the job record names its job");
            }
            if (partEvent == null && (alreadyTaken > 0 || offBook > 0)) {
                throw new IllegalArgumentException("only a use from the job record can be already taken or off-book");
            }
        }

        /** The units that left the van's book now. */
        public int fromBook() {
            return quantity - alreadyTaken - offBook;
        }
    }

    /** Parts brought back from {@code job} into the location, at the cost they were used at. */
    record Returned(StockEventHeader header, String sku, int quantity, Money cost, List<String> serials, JobId job)
            implements Movement {
        public Returned {
            StockValues.requireLocationStream(header, "Returned");
            StockValues.requireSku(sku);
            StockValues.requirePositive(quantity, "returned quantity");
            StockValues.requireCost(cost, "return cost");
            serials = StockValues.serials(serials, "Returned");
            StockValues.requireOnePerUnit(serials, quantity, "Returned");
            Objects.requireNonNull(job, "job of a return");
        }
    }

    /** Written off for {@code reason} ({@code note} explains; required for OTHER), at the location's average cost. */
    record WrittenOff(StockEventHeader header, String sku, int quantity, Money cost, List<String> serials,
                      WriteOffReason reason, String note) implements Movement {
        public WrittenOff {
            StockValues.requireLocationStream(header, "WrittenOff");
            StockValues.requireSku(sku);
            StockValues.requirePositive(quantity, "written-off quantity");
            StockValues.requireCost(cost, "write-off cost");
            serials = StockValues.serials(serials, "WrittenOff");
            StockValues.requireOnePerUnit(serials, quantity, "WrittenOff");
            Objects.requireNonNull(reason, "write-off reason");
            note = StockValues.optionalText(note, "write-off note");
            if (reason == WriteOffReason.OTHER && note == null) {
                throw new IllegalArgumentException("a write-off for OTHER reasons needs a note");
            }
        }
    }

    /**
     * A stock count: {@code counted} units found where the book said {@code expected}; {@code adjustment} is the
     * value of the difference (negative for a shortage, at the average cost). For a serial-tracked SKU,
     * {@code missingSerials} were on the book and not found, {@code foundSerials} found and not on the book.
     */
    record Counted(StockEventHeader header, String sku, int counted, int expected, Money adjustment,
                   List<String> missingSerials, List<String> foundSerials) implements Movement {
        public Counted {
            StockValues.requireLocationStream(header, "Counted");
            StockValues.requireSku(sku);
            StockValues.requireNonNegative(counted, "counted quantity");
            StockValues.requireNonNegative(expected, "expected quantity");
            Objects.requireNonNull(adjustment, "adjustment");
            int difference = counted - expected;
            if (Integer.signum(difference) != Long.signum(adjustment.minor()) && !(difference != 0 && adjustment.isZero())) {
                throw new IllegalArgumentException("a count " + (difference < 0 ? "short" : "over") + " by "
                        + Math.abs(difference) + " cannot adjust the value by " + adjustment);
            }
            missingSerials = StockValues.serials(missingSerials, "Counted missing");
            foundSerials = StockValues.serials(foundSerials, "Counted found");
            if (!missingSerials.isEmpty() || !foundSerials.isEmpty()) {
                if (foundSerials.size() - missingSerials.size() != difference) {
                    throw new IllegalArgumentException("found " + foundSerials.size() + " and missing "
                            + missingSerials.size() + " serials do not make the difference " + difference);
                }
                if (!Collections.disjoint(new HashSet<>(missingSerials), foundSerials)) {
                    throw new IllegalArgumentException("a serial cannot be both missing and found");
                }
            }
        }

        /** Counted less expected: negative for a shortage. */
        public int difference() {
            return counted - expected;
        }
    }
}
