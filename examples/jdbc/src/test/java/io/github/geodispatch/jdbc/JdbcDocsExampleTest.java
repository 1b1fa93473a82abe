package io.github.geodispatch.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.geodispatch.spi.InvoiceSequence;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wiring example of docs/jdbc.md, compiled and run on H2 (the page shows a PostgreSQL URL). */
class JdbcDocsExampleTest {

    @Test
    void theHostWiringOfTheDocsRuns() {
        String url = TestDatabases.h2MemoryUrl();
        List<String> published = new ArrayList<>();
        // --- docs/jdbc.md snippet start
        HikariConfig config = new HikariConfig();                  // the host's pool, as it already has one
        config.setJdbcUrl(url);                                    // e.g. jdbc:postgresql://db.internal:5432/fsm
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JdbcDatabase db = JdbcDatabase.builder()
                    .dataSource(dataSource)
                    .schema("geodispatch")                         // optional: the adapter's tables apart
                    .build();                                      // migrates; detects PostgreSQL or H2
            JobEventStore events = db.events();                    // for the engine's builder
            InvoiceSequence invoices = db.invoices();              // likewise
            MessageStore messages = db.messages();                 // the messaging outbox, shared by every instance

            OutboxReader feed = db.outboxReader("accounts-feed")
                    .batchSize(500)
                    .maxAttempts(5)                                // then the event is parked
                    .backoff(Duration.ofSeconds(1), Duration.ofMinutes(5))
                    .build();
            // --- docs/jdbc.md snippet end
            StreamId stream = SampleEvents.stream("job-docs");
            events.append(stream, 0, SampleEvents.everyVariant(stream).subList(0, 2));
            // --- docs/jdbc.md outbox start
            feed.drain(stored -> published.add(EventJson.write(stored.event())));   // in the host's poll loop
            for (OutboxReader.ParkedEvent parked : feed.parked()) {
                System.out.println(parked);                        // show them to an operator, then
                feed.acknowledgeParked(parked.position());         // or feed.redeliverParked(position, handler)
            }
            // --- docs/jdbc.md outbox end
            assertThat(invoices.next("BLR/25-26")).isEqualTo(1);
            assertThat(messages.find(io.github.geodispatch.spi.TenantId.of("coolair-blr"), "e1/booking_confirmed/customer:C-1"))
                    .isEmpty();
        }
        assertThat(published).hasSize(2);
    }
}
