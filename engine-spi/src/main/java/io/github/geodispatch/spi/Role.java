package io.github.geodispatch.spi;

/** What an actor may do. */
public enum Role {
    OWNER, DISPATCHER, TECHNICIAN, ACCOUNTANT, SYSTEM
}
