package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.text.internal.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Solomon VRPTW instance: a depot (customer 0), customers with demand, time window and service time,
 * and a fleet of identical vehicles. Travel time equals Euclidean distance. Immutable and thread-safe.
 *
 * @param name instance name (the file's first line)
 * @param maxVehicles vehicles available
 * @param capacity capacity of each vehicle
 * @param customers the depot first, then every customer
 */
public record VrptwInstance(String name, int maxVehicles, double capacity, List<Customer> customers) {
    /** The most vehicles a file may give (each is a route the planner keeps). */
    public static final int MAX_VEHICLES = 10_000;
    /** The highest customer number a file may give. */
    public static final int MAX_CUSTOMER_NUMBER = 1_000_000;
    /**
     * The largest coordinate a file may give, either sign. The planner counts travel in micro-units (a leg of
     * at most 2&radic;2 &times; 10^8 units is under 3 &times; 10^14 ticks), so with times up to {@link #MAX_QUANTITY}
     * (10^15 ticks) a route through 5,000 customers (the CLI's limit) ends before 6.5 &times; 10^18 ticks, within
     * {@code long}: no route's travel, arrival or lateness can overflow. The hard score sums lateness over every
     * stop, so it weighs each stop's at most {@code PlanConstraints.MAX_LATENESS_TICKS}: that sum cannot wrap either.
     */
    public static final double MAX_COORDINATE = 100_000_000;
    /** The largest demand, capacity, ready time, due date or service time a file may give (none may be negative). */
    public static final double MAX_QUANTITY = 1_000_000_000;

    /**
     * One row of the customer table.
     *
     * @param ready earliest service start
     * @param due latest service start (for the depot: latest return)
     */
    public record Customer(int number, double x, double y, double demand, double ready, double due, double service) {
        public Customer {
            if (number < 0) {
                throw new IllegalArgumentException("customer number must be >= 0, was " + number);
            }
            requireFinite(number, "x", x);
            requireFinite(number, "y", y);
            requireNonNegative(number, "demand", demand);
            requireNonNegative(number, "ready time", ready);
            requireNonNegative(number, "service time", service);
            requireFinite(number, "due date", due);
            if (Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) {
                throw new IllegalArgumentException("customer " + number + ": coordinates must be within \u00b1"
                        + (long) MAX_COORDINATE + ", were " + x + ", " + y);
            }
            if (Math.max(Math.max(demand, service), Math.max(ready, due)) > MAX_QUANTITY) {
                throw new IllegalArgumentException("customer " + number + ": demand and times must be at most "
                        + (long) MAX_QUANTITY);
            }
            if (ready > due) {
                throw new IllegalArgumentException("customer " + number + ": ready time " + ready + " after due date " + due);
            }
        }

        double distanceTo(Customer other) {
            return Math.hypot(x - other.x, y - other.y);
        }
    }

    public VrptwInstance {
        Objects.requireNonNull(name, "name");
        customers = List.copyOf(customers);
        if (maxVehicles < 1) {
            throw new IllegalArgumentException("instance " + name + ": vehicle number must be >= 1, was " + maxVehicles);
        }
        if (!(capacity > 0) || capacity > MAX_QUANTITY) {
            throw new IllegalArgumentException("instance " + name + ": capacity must be a positive number up to "
                    + (long) MAX_QUANTITY + ", was " + capacity);
        }
        if (customers.size() < 2) {
            throw new IllegalArgumentException("instance " + name + ": needs a depot and at least one customer");
        }
        if (customers.get(0).number() != 0) {
            throw new IllegalArgumentException("instance " + name + ": the first row must be the depot, customer 0");
        }
        Set<Integer> seen = new HashSet<>();
        for (Customer customer : customers) {
            if (!seen.add(customer.number())) {
                throw new IllegalArgumentException("instance " + name + ": customer " + customer.number() + " appears twice");
            }
            if (customer.demand() > capacity) {
                throw new IllegalArgumentException("instance " + name + ": customer " + customer.number()
                        + " demands " + customer.demand() + ", more than a vehicle's capacity " + capacity);
            }
        }
    }

    public Customer depot() {
        return customers.get(0);
    }

    /** Reads a Solomon text file (name line, VEHICLE block with NUMBER and CAPACITY, CUSTOMER table). */
    public static VrptwInstance read(Path file) throws IOException {
        return parse(Utf8Text.decode(Files.readAllBytes(file), (line, badByte) -> new IllegalArgumentException(
                String.format("Solomon file %s is not UTF-8 text: line %d has the byte 0x%02X", file, line, badByte))));
    }

    /** Parses Solomon text; a malformed file fails with the line number and what was wrong. */
    public static VrptwInstance parse(String text) {
        String[] lines = text.split("\\R");
        String name = null;
        Integer vehicles = null;
        Double capacity = null;
        List<Customer> customers = new ArrayList<>();
        boolean inCustomers = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (name == null) {
                name = line;
            } else if (fields[0].equalsIgnoreCase("VEHICLE") || fields[0].equalsIgnoreCase("NUMBER")) {
                continue;
            } else if (fields[0].equalsIgnoreCase("CUSTOMER") || fields[0].equalsIgnoreCase("CUST")) {
                inCustomers = true;
            } else if (vehicles == null) {
                if (fields.length != 2) {
                    throw malformed(i, "expected 'NUMBER CAPACITY' values, got '" + line + "'");
                }
                vehicles = integer(i, fields[0], "vehicle number", 1, MAX_VEHICLES);
                capacity = quantity(i, fields[1], "capacity");
            } else if (inCustomers) {
                if (fields.length != 7) {
                    throw malformed(i, "expected 7 columns (number x y demand ready due service), got " + fields.length);
                }
                int no = integer(i, fields[0], "customer number", 0, MAX_CUSTOMER_NUMBER);
                double x = coordinate(i, fields[1], "x");
                double y = coordinate(i, fields[2], "y");
                double demand = quantity(i, fields[3], "demand");
                double ready = quantity(i, fields[4], "ready time");
                double due = quantity(i, fields[5], "due date");
                double service = quantity(i, fields[6], "service time");
                try {
                    customers.add(new Customer(no, x, y, demand, ready, due, service));
                } catch (IllegalArgumentException e) {
                    throw malformed(i, e.getMessage());
                }
            } else {
                throw malformed(i, "unexpected line '" + line + "'");
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("Solomon file is empty");
        }
        if (vehicles == null) {
            throw new IllegalArgumentException("Solomon file " + name + " has no VEHICLE NUMBER/CAPACITY line");
        }
        return new VrptwInstance(name, vehicles, capacity, customers);
    }

    private static double number(int line, String text, String what) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw malformed(line, what + " must be finite, was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw malformed(line, what + " is not a number: '" + text + "'");
        }
    }

    /** A coordinate within {@link #MAX_COORDINATE} of zero. */
    private static double coordinate(int line, String text, String what) {
        double value = number(line, text, what);
        if (Math.abs(value) > MAX_COORDINATE) {
            throw malformed(line, what + " must be within \u00b1" + (long) MAX_COORDINATE + ", was " + text);
        }
        return value;
    }

    /** A demand, capacity or time from 0 to {@link #MAX_QUANTITY}. */
    private static double quantity(int line, String text, String what) {
        double value = number(line, text, what);
        if (value < 0 || value > MAX_QUANTITY) {
            throw malformed(line, what + " must be from 0 to " + (long) MAX_QUANTITY + ", was " + text);
        }
        return value;
    }

    /** A whole number written as digits (no fraction, no exponent) in {@code [min, max]}. */
    private static int integer(int line, String text, String what, int min, int max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = Long.MIN_VALUE;
        }
        if (value < min || value > max) {
            throw malformed(line, what + " must be a whole number from " + min + " to " + max + ", was '" + text + "'");
        }
        return (int) value;
    }

    private static IllegalArgumentException malformed(int line, String message) {
        return new IllegalArgumentException("Solomon file line " + (line + 1) + ": " + message);
    }

    private static void requireFinite(int number, String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("customer " + number + ": " + what + " must be finite, was " + value);
        }
    }

    private static void requireNonNegative(int number, String what, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("customer " + number + ": " + what + " must be finite and >= 0, was " + value);
        }
    }
}
