package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StreamId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The victim of {@link KilledWriterTest}: a separate JVM that appends batches of {@value #BATCH} events
 * for ever, alternating single-stream appends and three-stream {@code appendAll} transactions. It prints
 * {@code appending R} before and {@code committed R TOTAL} after each transaction.
 * Arguments: {@code h2 FILE} or {@code postgres SCHEMA}.
 */
public final class AppendUntilKilled {
    static final int BATCH = 25;
    static final int STREAMS = 6;

    private AppendUntilKilled() {}

    public static void main(String[] args) {
        TestDatabase db = "h2".equals(args[0]) ? TestDatabases.h2File(Path.of(args[1])) : TestDatabases.postgres(2, args[1]);
        JdbcJobEventStore store = db.events();
        Map<StreamId, List<JobEvent>> streams = new LinkedHashMap<>();
        long total = 0;
        for (int s = 0; s < STREAMS; s++) {
            StreamId stream = SampleEvents.stream("job-kill-" + s);
            List<JobEvent> events = new ArrayList<>(store.readStream(stream));
            if (events.isEmpty()) {
                events.addAll(store.append(stream, 0, SampleEvents.everyVariant(stream).subList(0, 1))
                        .stream().map(e -> e.event()).toList());
            }
            total += events.size();
            streams.put(stream, events);
        }
        List<StreamId> keys = new ArrayList<>(streams.keySet());
        System.out.println("ready " + total);
        for (long round = 0; ; round++) {
            int width = round % 2 == 0 ? 1 : 3;
            List<JdbcJobEventStore.Append> appends = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                StreamId stream = keys.get((int) ((round + i) % STREAMS));
                List<JobEvent> current = streams.get(stream);
                appends.add(new JdbcJobEventStore.Append(stream, current.size(),
                        SampleEvents.expenses(stream, current, BATCH, round + 1)));
            }
            System.out.println("appending " + round);
            store.appendAll(appends);
            for (JdbcJobEventStore.Append append : appends) {
                streams.get(append.stream()).addAll(append.events());
                total += append.events().size();
            }
            System.out.println("committed " + round + " " + total);
        }
    }
}
