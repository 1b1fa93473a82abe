package io.github.geodispatch.stock;

import io.github.geodispatch.spi.Money;

import java.util.Objects;

/**
 * A part of the catalogue: its SKU, name, HSN code (or null), unit ({@code pcs}, {@code m}, {@code kg}), GST rate in
 * basis points (18% = 1800), cost and sell price per unit, and whether each unit carries a serial number. The
 * catalogue checks the values when the SKU is defined ({@link StockCommand.DefineSku}). Immutable and thread-safe.
 */
public record Sku(String sku, String name, String hsn, String unit, int gstRateBasisPoints, Money costPrice,
                  Money sellPrice, boolean serialTracked) {
    public Sku {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(costPrice, "cost price");
        Objects.requireNonNull(sellPrice, "sell price");
    }
}
