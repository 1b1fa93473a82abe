package io.github.geodispatch.spi;

/** What holds stock: a branch's warehouse, or a technician's van. */
public enum LocationKind {
    WAREHOUSE,
    /** A technician's van: the parts a technician uses on jobs are taken from it. */
    VAN
}
