/**
 * The contract between the geodispatch engines and a host's adapters: ids and value types, the job and stock
 * event families, and the ports (event store, stock store, travel times, notifier, accounts handoff, invoice
 * sequence, message store and sender, payment requests). No dependencies. Adapters prove themselves with the
 * contract tests of this artifact's test-jar.
 */
module io.github.geodispatch.spi {
    exports io.github.geodispatch.spi;
}
