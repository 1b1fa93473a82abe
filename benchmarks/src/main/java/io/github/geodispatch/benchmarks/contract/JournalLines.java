package io.github.geodispatch.benchmarks.contract;

import java.io.BufferedWriter;
import java.io.IOException;

/**
 * The lines the contract generators share, written by hand (their bytes are those the figures in docs/benchmarks.md
 * were measured on): one JSON object a line, the journal's technician and its one customer's registration.
 */
final class JournalLines {
    private JournalLines() {}

    static void line(BufferedWriter out, String json) throws IOException {
        out.write(json);
        out.write('\n');
    }

    /** Technician T-1 of branch BLR, then customer {@code customer} named {@code name}, registered on 2025-06-01. */
    static void technicianAndCustomer(BufferedWriter out, String customer, String name) throws IOException {
        line(out, "{\"type\":\"technician\",\"id\":\"T-1\",\"branch\":\"BLR\",\"skills\":[\"ac\"]}");
        line(out, "{\"type\":\"customer.registered\",\"customer\":\"" + customer + "\",\"at\":\"2025-06-01T09:00:00+05:30\","
                + "\"branch\":\"BLR\",\"name\":\"" + name + "\",\"phones\":[\"+919900112233\"],\"language\":\"en\","
                + "\"address\":\"Bengaluru\"}");
    }
}
