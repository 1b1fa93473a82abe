package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    @Test
    void everyVariantRoundTripsExactly() {
        for (JobEvent event : SampleEvents.everyVariant(SampleEvents.stream("job-1"))) {
            String json = EventJson.write(event);
            JobEvent back = EventJson.read(json);
            assertThat(back).isEqualTo(event);
            assertThat(back.toString()).isEqualTo(event.toString());
            assertThat(HashChain.hash(back)).isEqualTo(HashChain.hash(event));
        }
    }

    @Test
    void idsAreStringsMoneyIsMinorUnitsAndVariantIsNamed() {
        JobEvent created = SampleEvents.everyVariant(SampleEvents.stream("job-1")).get(0);
        String json = EventJson.write(created);
        System.out.println(json);
        assertThat(json).contains("\"type\":\"JobCreated\"")
                .contains("\"tenant\":\"acme-cool\"")
                .contains("\"quote\":{\"minor\":149900,\"currency\":\"INR\"}")
                .contains("\"occurredAt\":\"2025-03-14T04:31:00.123456789Z\"")
                .doesNotContain("\"zero\"")
                .doesNotContain("preferredTechnician");
    }

    @Test
    void rejectsMalformedAndInvalidPayloads() {
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"Nope\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nope");
        String json = EventJson.write(SampleEvents.everyVariant(SampleEvents.stream("job-1")).get(0));
        assertThatThrownBy(() -> EventJson.read(json.replace("\"acme-cool\"", "\"bad tenant!\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant id");
        assertThatThrownBy(() -> EventJson.read(json.replace("\"type\":\"JobCreated\"", "\"type\":\"JobCreated\",\"extra\":1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra");
    }
}
