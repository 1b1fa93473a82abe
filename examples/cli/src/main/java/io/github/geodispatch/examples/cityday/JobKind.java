package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.stock.UsualParts;

import java.util.List;

/** The seed's kinds of work, with the skill they need, a typical duration, the labour price and the parts they may use. */
enum JobKind {
    AC_SERVICE("ac.service", 1, 40, 59_900, 25, List.of()),
    AC_REPAIR("ac.repair", 2, 60, 149_900, 15, List.of(Part.CAPACITOR, Part.GAS_REFILL)),
    RO_SERVICE("ro", 1, 30, 44_900, 20, List.of(Part.RO_FILTER)),
    PEST_CONTROL("pest", 1, 45, 129_900, 10, List.of()),
    CCTV_INSTALL("cctv", 2, 90, 249_900, 7, List.of(Part.CAMERA)),
    ELECTRICAL_REPAIR("electrical", 1, 35, 39_900, 13, List.of(Part.MCB)),
    AMC_VISIT("ac.service", 1, 35, 59_900, 10, List.of());

    final String skill;
    final int level;
    final int minutes;
    final long labourPaise;
    final int sharePercent;
    final List<Part> parts;

    JobKind(String skill, int level, int minutes, long labourPaise, int sharePercent, List<Part> parts) {
        this.skill = skill;
        this.level = level;
        this.minutes = minutes;
        this.labourPaise = labourPaise;
        this.sharePercent = sharePercent;
        this.parts = parts;
    }

    SkillRequirement requirement() {
        return SkillRequirement.of(skill, level);
    }

    /** One of each part a kind of work may use, by job type: what the planner looks for in a van. */
    static UsualParts usualParts() {
        UsualParts.Builder usual = UsualParts.builder();
        for (JobKind kind : values()) {
            if (!kind.parts.isEmpty()) {
                usual.jobType(kind.name(), kind.parts.stream().map(p -> new UsualParts.Need(p.sku, 1)).toArray(UsualParts.Need[]::new));
            }
        }
        return usual.build();
    }

    /** Spare parts in the vans: SKU, HSN code and price. */
    enum Part {
        CAPACITOR("CAP-35", "85322200", 65_000),
        GAS_REFILL("GAS-R32", "38247800", 180_000),
        RO_FILTER("RO-SED-10", "84212190", 55_000),
        CAMERA("CAM-2MP", "85258900", 210_000),
        MCB("MCB-32A", "85362090", 32_000);

        final String sku;
        final String hsn;
        final long pricePaise;

        Part(String sku, String hsn, long pricePaise) {
            this.sku = sku;
            this.hsn = hsn;
            this.pricePaise = pricePaise;
        }
    }
}
