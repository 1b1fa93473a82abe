package io.github.geodispatch.examples.cli;

import picocli.CommandLine.Command;

/** Placeholder until issue 7 lands; replaced by the implementation. */
@Command(name = "city-day", mixinStandardHelpOptions = true, description = "Simulate a service business's day in Bengaluru and write a dashboard.")
public final class CityDayCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("city-day is not implemented yet (issue 7)");
    }
}
