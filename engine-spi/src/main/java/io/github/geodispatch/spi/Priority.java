package io.github.geodispatch.spi;

/** Job urgency, most urgent first. {@link #weight()} is what an unassigned visit of this priority costs a plan. */
public enum Priority {
    EMERGENCY(1000), HIGH(100), NORMAL(10), LOW(1);

    private final int weight;

    Priority(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
