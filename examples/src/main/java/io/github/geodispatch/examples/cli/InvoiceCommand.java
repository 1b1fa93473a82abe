package io.github.geodispatch.examples.cli;

import picocli.CommandLine.Command;

/** Placeholder until issue 6 lands; replaced by the implementation. */
@Command(name = "invoice", mixinStandardHelpOptions = true, description = "Generate GST invoices and e-invoice JSON from a journal.")
public final class InvoiceCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("invoice is not implemented yet (issue 6)");
    }
}
