package io.github.geodispatch.spi;

/** What a contract sells: an annual maintenance contract, or a service contract (pest control rounds, solar cleaning). */
public enum ContractKind {
    AMC, SERVICE
}
