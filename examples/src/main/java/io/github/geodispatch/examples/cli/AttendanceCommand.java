package io.github.geodispatch.examples.cli;

import picocli.CommandLine.Command;

/** Placeholder until issue 3 lands; replaced by the implementation. */
@Command(name = "attendance", mixinStandardHelpOptions = true, description = "Detect site visits and branch attendance from GPS pings.")
public final class AttendanceCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("attendance is not implemented yet (issue 3)");
    }
}
