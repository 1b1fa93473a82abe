package io.github.geodispatch.spi;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every way to change exactly one value inside an event: for each component, recursively through records and
 * list items, one event that differs from the original there and nowhere else (a value the constructor would
 * refuse is skipped, one it would normalise back is dropped as unchanged). Reflection over record components, so
 * a component added later is changed too.
 */
final class FieldChanges {
    /** Marks an empty list of skills, so that the item added to it is a skill (list types are erased). */
    private static final List<Object> EMPTY_SKILLS = new ArrayList<>();

    private FieldChanges() {}

    /** One changed copy of {@code event} per value path, each with the path that was changed. */
    static List<Change> of(JobEvent event) {
        List<Change> out = new ArrayList<>();
        for (Object[] variant : changes(event, event.getClass().getSimpleName())) {
            if (!variant[0].equals(event)) {
                out.add(new Change((String) variant[1], (JobEvent) variant[0]));
            }
        }
        return out;
    }

    record Change(String path, JobEvent changed) {}

    /** One changed copy of an event of any family (stock, customer) per value path, each with its path. */
    static <E extends Record> List<Changed<E>> ofAny(E event) {
        List<Changed<E>> out = new ArrayList<>();
        for (Object[] variant : changes(event, event.getClass().getSimpleName())) {
            if (!variant[0].equals(event)) {
                @SuppressWarnings("unchecked")
                E changed = (E) variant[0];
                out.add(new Changed<>((String) variant[1], changed));
            }
        }
        return out;
    }

    record Changed<E>(String path, E changed) {}

    /** Pairs {changed value, path}. */
    private static List<Object[]> changes(Object value, String path) {
        List<Object[]> out = new ArrayList<>();
        if (value instanceof Record record) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                Object current = get(components[i], record);
                if (current instanceof List<?> l && l.isEmpty() && components[i].getGenericType().getTypeName()
                        .contains(SkillRequirement.class.getSimpleName())) {
                    current = EMPTY_SKILLS;
                }
                String at = path + "." + components[i].getName();
                if (current instanceof List<?> l && l.isEmpty() && current != EMPTY_SKILLS) {
                    // an item of the list's own type (erased at run time): an id record of "A", else the string
                    Object item = idOf(components[i].getGenericType());
                    with(record, components, i, List.of(item)).ifPresent(r -> out.add(new Object[] {r, at}));
                    continue;
                }
                for (Object changed : alternatives(current, components[i].getType())) {
                    with(record, components, i, changed).ifPresent(r -> out.add(new Object[] {r, at}));
                }
                if (current != null && (current instanceof Record || current instanceof List)) {
                    for (Object[] inner : changes(current, at)) {
                        with(record, components, i, inner[0]).ifPresent(r -> out.add(new Object[] {r, inner[1]}));
                    }
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                for (Object[] inner : changes(list.get(i), path + "[" + i + "]")) {
                    List<Object> copy = new ArrayList<>(list);
                    copy.set(i, inner[0]);
                    out.add(new Object[] {List.copyOf(copy), inner[1]});
                }
                for (Object changed : alternatives(list.get(i), list.get(i).getClass())) {
                    if (changed == null) {
                        continue; // lists hold no nulls
                    }
                    List<Object> copy = new ArrayList<>(list);
                    copy.set(i, changed);
                    out.add(new Object[] {List.copyOf(copy), path + "[" + i + "]"});
                }
            }
        }
        return out;
    }

    /** Values to put in place of {@code current} (leaf types; records and lists are changed inside, and added to). */
    private static List<Object> alternatives(Object current, Class<?> type) {
        List<Object> out = new ArrayList<>();
        if (type == String.class) {
            String s = (String) current;
            if (s == null) {
                out.add("");
                out.add("x");
            } else if (s.matches("[0-9a-f]{64}")) {
                out.add(s.substring(0, 63) + (s.charAt(63) == '0' ? '1' : '0'));
            } else if (s.matches("\\d+")) {
                out.add(s.substring(0, s.length() - 1) + (s.endsWith("1") ? '2' : '1'));
            } else {
                out.add(s.length() > 40 ? s.substring(0, s.length() - 1) : s + "Y");
                out.add(null);
            }
        } else if (type == int.class) {
            int v = (Integer) current;
            out.add(v - 1);
            out.add(v + 1);
        } else if (type == long.class) {
            long v = (Long) current;
            out.add(v - 1);
            out.add(v == Long.MAX_VALUE ? v - 2 : v + 1);
        } else if (type == double.class) {
            double v = (Double) current;
            out.add(Math.nextUp(v));
            out.add(Math.nextDown(v));
        } else if (type == boolean.class) {
            out.add(!(Boolean) current);
        } else if (type == Instant.class) {
            out.add(current == null ? Instant.EPOCH : ((Instant) current).plusNanos(1));
            if (current != null) {
                out.add(null);
            }
        } else if (type == LocalDate.class) {
            out.add(current == null ? LocalDate.EPOCH : ((LocalDate) current).plusDays(1));
            if (current != null) {
                out.add(null);
            }
        } else if (type == UUID.class) {
            UUID u = (UUID) current;
            out.add(u == null ? new UUID(0, 1) : new UUID(u.getMostSignificantBits(), u.getLeastSignificantBits() ^ 1));
            if (u != null) {
                out.add(null);
            }
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            for (Object c : constants) {
                if (c != current) {
                    out.add(c);
                }
            }
        } else if (List.class.isAssignableFrom(type) && current instanceof List<?> list) {
            if (!list.isEmpty()) {
                out.add(List.copyOf(list.subList(1, list.size())));
                List<Object> doubled = new ArrayList<>(list);
                doubled.add(list.get(0));
                out.add(List.copyOf(doubled));
            } else {
                out.add(List.of(current == EMPTY_SKILLS ? SkillRequirement.of("a", 1) : "A"));
            }
        } else if (type == DeviceOrigin.class) {
            out.add(current == null ? new DeviceOrigin("k", Instant.EPOCH, Instant.EPOCH) : null);
        } else if (type == TimeWindow.class) {
            out.add(current == null ? new TimeWindow(Instant.EPOCH, Instant.EPOCH) : null);
        } else if (type == Coverage.class) {
            out.add(current == null ? new Coverage(CoverageKind.AMC, "A", LocalDate.EPOCH, List.of()) : null);
        } else if (type == TechnicianId.class) {
            out.add(current == null ? TechnicianId.of("t") : null);
        } else if (type == BranchId.class) {
            out.add(current == null ? BranchId.of("b") : null);
        } else if (type == JobId.class) {
            out.add(current == null ? JobId.of("j") : null);
        } else if (type == LocationId.class) {
            out.add(current == null ? LocationId.of("l") : null);
        } else if (type == ContractId.class) {
            out.add(current == null ? ContractId.of("c") : null);
        }
        return out;
    }

    /** "A" as the item type of a {@code List<X>}: an id record built from the string, or the string itself. */
    private static Object idOf(java.lang.reflect.Type listType) {
        if (listType instanceof java.lang.reflect.ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> item
                && item.isRecord()) {
            try {
                return item.getDeclaredConstructor(String.class).newInstance("A");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no id record: " + item, e);
            }
        }
        return "A";
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record with component {@code index} replaced, or empty when its constructor refuses the value. */
    private static Optional<Record> with(Record record, RecordComponent[] components, int index, Object value) {
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = i == index ? value : get(components[i], record);
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return Optional.of((Record) canonical.newInstance(args));
        } catch (ReflectiveOperationException | IllegalArgumentException refused) {
            return Optional.empty();
        }
    }
}
