package io.github.geodispatch.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The job record over the JDBC adapter, as docs/jdbc.md describes it,, compiled and run (on H2, so that it needs no server). */
class JdbcExampleTest {

    @Test
    void aJobRecordRunsOverTheAdapter() {
        List<String> published = new ArrayList<>();
        // a host's wiring, end to end
        try (HikariDataSource dataSource = new HikariDataSource(hostPoolConfig())) {   // the host's pool
            JdbcDatabase db = JdbcDatabase.over(dataSource);            // migrates the adapter's tables
            JobRecord engine = JobRecord.builder()
                    .eventStore(db.events())
                    .build();
            TenantId tenant = TenantId.of("acme-cool");
            Actor dispatcher = Actor.dispatcher(tenant, BranchId.of("blr"), "disp-1");
            JobId job = JobId.of("job-1001");
            engine.execute(dispatcher, JobCommand.CreateJob.builder(job, BranchId.of("blr"), CustomerId.of("cust-42"),
                    new Site(SiteId.of("site-7"), GeoPoint.of(12.9352, 77.6245), 75, "Koramangala"), "AC_SERVICE")
                    .quote(Money.inr(149_900)).build()).orThrow();

            long invoiceNo = db.invoices().next("KRM/2526");           // 1, 2, 3... no gaps, across restarts

            OutboxReader outbox = db.outboxReader("kafka-bridge").batchSize(500).build();  // checkpointed in the same database
            outbox.drain((StoredEvent e) -> published.add(EventJson.write(e.event())));
            assertThat(invoiceNo).isEqualTo(1);
            assertThat(outbox.checkpoint()).isEqualTo(1);
        }
        assertThat(published).singleElement().asString().contains("\"type\":\"JobCreated\"");
    }

    /** What the host configures; an in-memory H2 here, {@code jdbc:postgresql://...} in production. */
    private static HikariConfig hostPoolConfig() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:quickstart");
        return config;
    }
}
