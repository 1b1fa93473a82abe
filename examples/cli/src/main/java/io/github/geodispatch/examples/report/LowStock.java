package io.github.geodispatch.examples.report;

/**
 * A part running low in a technician's van. Immutable and thread-safe.
 *
 * @param technician   whose van
 * @param part         the part's name in owner words ("Capacitor 35 µF")
 * @param onHand       units in the van now
 * @param reorderLevel the level at or below which to restock
 */
public record LowStock(String technician, String part, long onHand, long reorderLevel) {
    public LowStock {
        Checks.text(technician, "technician");
        Checks.text(part, "part");
        Checks.count(onHand, "onHand");
        Checks.count(reorderLevel, "reorderLevel");
        if (onHand > reorderLevel) {
            throw new IllegalArgumentException(part + " in " + technician + "'s van: " + onHand
                    + " on hand is above the reorder level " + reorderLevel + ": not low");
        }
    }
}
