package io.github.geodispatch.job;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.Notifier;
import org.junit.jupiter.api.Test;
import java.time.InstantSource;
import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRecordBuilderTest {

    @Test
    void everySettingRejectsNullNamingIt() {
        assertThatThrownBy(() -> JobRecord.builder().eventStore(null)).hasMessage("event store");
        assertThatThrownBy(() -> JobRecord.builder().clock(null)).hasMessage("clock");
        assertThatThrownBy(() -> JobRecord.builder().notifier(null)).hasMessage("notifier");
        assertThatThrownBy(() -> JobRecord.builder().closurePolicies(null)).hasMessage("closure policies");
        assertThatThrownBy(() -> JobRecord.builder().idGenerator(null)).hasMessage("id generator");
    }

    @Test
    void everySettingRejectsASecondValueNamingIt() {
        assertThatThrownBy(() -> JobRecord.builder().eventStore(new InMemoryJobEventStore())
                .eventStore(new InMemoryJobEventStore())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event store was already set");
        assertThatThrownBy(() -> JobRecord.builder().clock(InstantSource.system()).clock(InstantSource.system()))
                .hasMessageContaining("clock was already set");
        assertThatThrownBy(() -> JobRecord.builder().notifier(Notifier.none()).notifier(Notifier.none()))
                .hasMessageContaining("notifier was already set");
        assertThatThrownBy(() -> JobRecord.builder().closurePolicies(ClosurePolicies.defaults())
                .closurePolicies(ClosurePolicies.defaults())).hasMessageContaining("closure policies was already set");
        assertThatThrownBy(() -> JobRecord.builder().idGenerator(IdGenerator.random())
                .idGenerator(IdGenerator.random())).hasMessageContaining("id generator was already set");
        assertThatThrownBy(() -> JobRecord.builder().maxConflictRetries(1).maxConflictRetries(2))
                .hasMessageContaining("max conflict retries was already set");
    }

    @Test
    void maxConflictRetriesMustBeInRange() {
        assertThatThrownBy(() -> JobRecord.builder().maxConflictRetries(-1)).hasMessageContaining("0-100");
        assertThatThrownBy(() -> JobRecord.builder().maxConflictRetries(101)).hasMessageContaining("0-100");
    }

    @Test
    void defaultsBuildAWorkingEngine() {
        JobRecord engine = JobRecord.builder().build();

        assertThat(engine.execute(DISPATCHER, create(engine.newJobId(), "AC_SERVICE")).isAccepted()).isTrue();
    }

    @Test
    void sequentialIdsAreRepeatable() {
        IdGenerator a = IdGenerator.sequential(7);
        IdGenerator b = IdGenerator.sequential(7);

        assertThat(a.nextEventId()).isEqualTo(b.nextEventId()).isNotEqualTo(a.nextEventId());
        assertThat(a.nextJobId().value()).isEqualTo("J-1");
        assertThat(IdGenerator.random().nextJobId().value()).matches("J-[0-9a-f]{12}");
    }
}
