package io.github.geodispatch.spi;

/** What a contract does for parts: nothing (the customer pays), a discount on the list price, or all of them. */
public enum PartsCover {
    NONE, DISCOUNT, FULL
}
