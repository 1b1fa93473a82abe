package io.github.geodispatch.customer;

import io.github.geodispatch.spi.StoredCustomerEvent;
import java.util.List;

/**
 * Receives the events a {@link CustomerRecord} stored, after each successful append, one batch at a time and in
 * append order (per customer in version order). A delivery may run on another thread than the command's; an
 * exception thrown here is logged and never undoes the events.
 */
@FunctionalInterface
public interface CustomerEventListener {

    /** One append's events, in version order. */
    void onEvents(List<StoredCustomerEvent> events);
}
