package io.github.geodispatch.customer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A persistent map answers as a {@link LinkedHashMap} given the same puts (a known key keeps its place), and every
 * earlier version still answers as the {@code LinkedHashMap} did when it was made.
 */
class PersistentMapProperties {

    record Put(int key, int value) {}

    @Provide
    Arbitrary<List<Put>> puts() {
        return Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.integers())
                .as(Put::new).list().ofMaxSize(60);
    }

    @Property(tries = 500)
    void everyVersionAnswersAsALinkedHashMapOfItsPuts(@ForAll("puts") List<Put> puts) {
        List<PersistentMap<Integer, Integer>> versions = new ArrayList<>();
        List<Map<Integer, Integer>> expected = new ArrayList<>();
        PersistentMap<Integer, Integer> map = PersistentMap.empty();
        Map<Integer, Integer> model = new LinkedHashMap<>();
        versions.add(map);
        expected.add(new LinkedHashMap<>(model));
        for (Put p : puts) {
            map = map.plus(p.key(), p.value());
            model.put(p.key(), p.value());
            versions.add(map);
            expected.add(new LinkedHashMap<>(model));
        }
        for (int v = 0; v < versions.size(); v++) {
            PersistentMap<Integer, Integer> version = versions.get(v);
            Map<Integer, Integer> then = expected.get(v);
            assertThat(version).isEqualTo(then).hasSameHashCodeAs(then).hasSize(then.size());
            assertThat(new ArrayList<>(version.entrySet())).containsExactlyElementsOf(then.entrySet());
            for (int key = -1; key <= 21; key++) {
                assertThat(version.containsKey(key)).isEqualTo(then.containsKey(key));
                assertThat(version.get(key)).isEqualTo(then.get(key));
            }
        }
    }
}
