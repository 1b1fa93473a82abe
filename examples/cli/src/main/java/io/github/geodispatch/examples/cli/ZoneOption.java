package io.github.geodispatch.examples.cli;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The {@code --zone} option of every subcommand that has one: a region ({@code Asia/Kolkata}, {@code Africa/Nairobi})
 * or an offset ({@code +05:30}). Anything else is bad input (exit 2) naming the option, worded the same in every
 * subcommand. Stateless.
 */
final class ZoneOption {
    private ZoneOption() {}

    /** The zone {@code text} names; throws {@link IllegalArgumentException} naming {@code --zone} otherwise. */
    static ZoneId parse(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone must be a time zone, such as Asia/Kolkata or +05:30, was '"
                    + text + "'", e);
        }
    }
}
