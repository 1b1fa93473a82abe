package io.github.geodispatch.examples.cli;

import picocli.CommandLine.Command;

/** Placeholder until issue 5 lands; replaced by the implementation. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit a journal for payment leakage.")
public final class AuditCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("audit is not implemented yet (issue 5)");
    }
}
