package io.github.geodispatch.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class NameUuidsProperties {

    @Property
    void equalsTheJdksNameBasedUuid(@ForAll String name) {
        assertThat(NameUuids.of(name)).isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Property
    void aPrefixAndANumberNameAsTheirConcatenation(@ForAll String prefix, @ForAll long number) {
        assertThat(NameUuids.of(prefix.getBytes(StandardCharsets.UTF_8), number)).isEqualTo(NameUuids.of(prefix + number));
    }
}
