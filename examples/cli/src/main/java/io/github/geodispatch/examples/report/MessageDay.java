package io.github.geodispatch.examples.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's messages to customers (booking, technician on the way, job done with the payment link, ...), counted by
 * the day they were written. Immutable and thread-safe.
 *
 * @param date      the day the messages were written (business zone)
 * @param written   messages written to customers that day
 * @param sent      of those, handed to WhatsApp
 * @param delivered of those sent, delivered to the phone (read or not)
 * @param read      of those delivered, read
 * @param failed    of those written, never delivered (the number not on WhatsApp, no contact)
 * @param heldOvernight of those written, held back by the quiet hours and sent in the morning
 */
public record MessageDay(LocalDate date, long written, long sent, long delivered, long read, long failed,
                         long heldOvernight) {
    public MessageDay {
        Objects.requireNonNull(date, "date");
        Checks.count(written, "written");
        Checks.count(sent, "sent");
        Checks.count(delivered, "delivered");
        Checks.count(read, "read");
        Checks.count(failed, "failed");
        Checks.count(heldOvernight, "heldOvernight");
        if (sent > written || delivered > sent || read > delivered || failed > written || heldOvernight > written) {
            throw new IllegalArgumentException("a part exceeds its whole on " + date + ": written " + written + ", sent "
                    + sent + ", delivered " + delivered + ", read " + read + ", failed " + failed + ", held "
                    + heldOvernight);
        }
    }
}
