package io.github.geodispatch.engine;

import io.github.geodispatch.job.ClosurePolicies;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.CreateJob;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example is this test's marked region, compiled and run; the two must not drift. */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/io/github/geodispatch/engine/ReadmeExampleTest.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void theReadmeExampleRuns() {
        List<String> log = new ArrayList<>();
        // README-EXAMPLE:BEGIN
        DispatchEngine engine = DispatchEngine.builder()
                .eventStore(new InMemoryJobEventStore())       // or a JDBC adapter
                .clock(InstantSource.system())
                .closurePolicies(ClosurePolicies.defaults())   // AC_SERVICE: before/after photos + OTP/signature
                .build();
        engine.subscribe(events -> events.forEach(e -> log.add(e.position() + " " + e.event().getClass().getSimpleName())));

        TenantId tenant = TenantId.of("coolair-blr");
        BranchId branch = BranchId.of("indiranagar");
        Actor dispatcher = Actor.dispatcher(tenant, branch, "priya");
        TechnicianId ravi = TechnicianId.of("ravi");
        JobId job = engine.newJobId();
        Site site = new Site(SiteId.of("S-77"), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd, Indiranagar");

        engine.execute(dispatcher, CreateJob.builder(job, branch, CustomerId.of("C-5521"), site, "AC_SERVICE")
                .quote(Money.parse("1499.00", Currency.INR)).build()).orThrow();
        engine.execute(dispatcher, Assign.of(job, ravi)).orThrow();
        CommandResult early = engine.execute(Actor.technician(tenant, branch, ravi), ChangeStatus.completed(job));
        if (early instanceof CommandResult.Rejected r) {          // nothing was stored
            log.add(r.rejection().reason() + ": " + r.rejection().message());
        }
        // README-EXAMPLE:END
        assertThat(early).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.ILLEGAL_TRANSITION));
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).isEqualTo("1 JobCreated");
        assertThat(log.get(2)).startsWith("ILLEGAL_TRANSITION: job " + job + " cannot move from ASSIGNED to COMPLETED");
    }

    @Test
    void theReadmeShowsExactlyTheTestedExample() throws IOException {
        assertThat(README).as("README.md at the project root (tests run from the module directory)").exists();
        String tested = region(Files.readString(SOURCE), "// README-EXAMPLE:BEGIN\n", "        // README-EXAMPLE:END");
        Matcher block = Pattern.compile("<!-- example: ReadmeExampleTest -->\n```java\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(README));

        assertThat(block.find()).as("README has the example block after '<!-- example: ReadmeExampleTest -->'").isTrue();
        assertThat(block.group(1)).isEqualTo(unindent(tested, 8));
    }

    private static String region(String text, String begin, String end) {
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as("begin marker").isNotNegative();
        assertThat(to).as("end marker").isGreaterThan(from);
        return text.substring(from + begin.length(), to);
    }

    private static String unindent(String block, int spaces) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            out.append(line.length() >= spaces && line.substring(0, spaces).isBlank() ? line.substring(spaces) : line.strip())
                    .append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
