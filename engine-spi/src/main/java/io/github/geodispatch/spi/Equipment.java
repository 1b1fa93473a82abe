package io.github.geodispatch.spi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A unit of equipment at a customer's site: its type (an UPPER_SNAKE_CASE code such as {@code SPLIT_AC},
 * {@code RO_PURIFIER}), make, model and serial number, the day it was installed and the last day of its
 * warranty (null when it has none). Immutable and thread-safe.
 */
public record Equipment(EquipmentId id, SiteId site, String type, String make, String model, String serial,
                        LocalDate installedOn, LocalDate warrantyUntil) {
    public Equipment {
        Objects.requireNonNull(id, "equipment id");
        Objects.requireNonNull(site, "equipment site");
        if (!CodeShapes.upperSnake(type)) {
            throw new IllegalArgumentException("equipment type must be UPPER_SNAKE_CASE, was '" + type + "'");
        }
        make = make == null ? "" : make.strip();
        model = model == null ? "" : model.strip();
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("equipment serial must not be blank");
        }
        Objects.requireNonNull(installedOn, "installed on");
        if (warrantyUntil != null && warrantyUntil.isBefore(installedOn)) {
            throw new IllegalArgumentException("warranty of " + id + " ends " + warrantyUntil + ", before its installation on "
                    + installedOn);
        }
    }
}
