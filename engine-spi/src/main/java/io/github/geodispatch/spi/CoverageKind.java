package io.github.geodispatch.spi;

/** What pays for a job other than the customer: an annual maintenance contract or a warranty. */
public enum CoverageKind {
    AMC, WARRANTY
}
