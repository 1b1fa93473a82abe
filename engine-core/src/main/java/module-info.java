/**
 * The geodispatch engines behind one front door, {@link io.github.geodispatch.GeoDispatch}. Each capability
 * package exports its interfaces, records and builders; its engine lives in a non-exported {@code .internal}
 * package, and no exported signature names an OptaPlanner, H3, JTS, Jackson or PCollections type (an ArchUnit test keeps it
 * so). The CLI and the benchmarks, which run on the class path, also reach the VRPTW harness in
 * {@code io.github.geodispatch.dispatch.plan.internal}; it is not an API.
 */
module io.github.geodispatch.core {
    requires transitive io.github.geodispatch.spi;
    requires org.slf4j;
    requires org.locationtech.jts;
    requires h3;
    requires org.pcollections;
    requires org.optaplanner.core.impl;
    requires org.optaplanner.constraint.streams.bavet;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;

    exports io.github.geodispatch;
    exports io.github.geodispatch.billing;
    exports io.github.geodispatch.contract;
    exports io.github.geodispatch.customer;
    exports io.github.geodispatch.dispatch;
    exports io.github.geodispatch.dispatch.plan;
    exports io.github.geodispatch.geofence;
    exports io.github.geodispatch.insight;
    exports io.github.geodispatch.job;
    exports io.github.geodispatch.journal;
    exports io.github.geodispatch.leakage;
    exports io.github.geodispatch.memory;
    exports io.github.geodispatch.messaging;
    exports io.github.geodispatch.payment;
    exports io.github.geodispatch.stock;

    // OptaPlanner reads and writes the planning model's annotated classes reflectively
    opens io.github.geodispatch.dispatch.plan.internal to org.optaplanner.core.impl;
}
