package io.github.geodispatch.memory;
import io.github.geodispatch.spi.InvoiceSequence;
import io.github.geodispatch.spi.contract.InvoiceSequenceContract;

class InMemoryInvoiceSequenceTest extends InvoiceSequenceContract {
    @Override
    protected InvoiceSequence newSequence() {
        return new InMemoryInvoiceSequence();
    }
}
