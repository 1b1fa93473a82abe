package io.github.geodispatch.spi;

/**
 * The canonical byte encoding of a customer event, customer format 1: what its {@link CustomerHashChain} hash is the
 * SHA-256 of. One event has exactly one encoding, and two different events never share one. The field rules are
 * those of the job events' {@link CanonicalEncoding}; {@code docs/hash-chain.md} lists every type and tag:
 * <pre>
 * event  := u8 format (1) | u8 type | 32 bytes previous hash | i64 version | field*
 * header := 1 event id (uuid) | 2 tenant | 3 customer | 4 occurred at (instant) | 5 actor (record: 1 id, 2 role,
 *           3 branch)
 * </pre>
 * and an event type's own fields from tag 16. Stateless and thread-safe.
 */
public final class CustomerEncoding {
    /** The format byte. */
    public static final int FORMAT = 1;

    private CustomerEncoding() {}

    /** The event type's number in byte 1 of the encoding. */
    static int typeOf(CustomerEvent event) {
        if (event instanceof CustomerEvent.CustomerRegistered) {
            return 1;
        } else if (event instanceof CustomerEvent.ProfileChanged) {
            return 2;
        } else if (event instanceof CustomerEvent.SiteAdded) {
            return 3;
        } else if (event instanceof CustomerEvent.EquipmentInstalled) {
            return 4;
        } else if (event instanceof CustomerEvent.ContractDrafted) {
            return 5;
        } else if (event instanceof CustomerEvent.ContractActivated) {
            return 6;
        } else if (event instanceof CustomerEvent.ContractCancelled) {
            return 7;
        } else if (event instanceof CustomerEvent.ContractInvoiced) {
            return 8;
        }
        throw new IllegalStateException("unknown customer event type " + event.getClass().getName());
    }

    /**
     * The event's canonical bytes. Throws {@link IllegalArgumentException} for text that is not valid Unicode (an
     * unpaired surrogate), naming the field.
     */
    public static byte[] encode(CustomerEvent event) {
        CustomerEventHeader h = event.header();
        CanonicalWriter w = new CanonicalWriter().prefix(FORMAT, typeOf(event), h.previousHash(), h.version())
                .uuid(1, h.eventId()).string(2, h.tenant().value()).string(3, h.customer().value())
                .instant(4, h.occurredAt()).actor(5, h.actor());
        if (event instanceof CustomerEvent.CustomerRegistered e) {
            profile(w.string(16, e.branch().value()), 17, e.profile());
        } else if (event instanceof CustomerEvent.ProfileChanged e) {
            profile(w, 16, e.profile());
        } else if (event instanceof CustomerEvent.SiteAdded e) {
            CustomerSite s = e.site();
            w.begin(16).string(1, s.id().value())
                    .begin(2).f64(1, s.location().lat()).f64(2, s.location().lng()).end()
                    .string(3, s.address()).string(4, s.accessNotes()).end();
        } else if (event instanceof CustomerEvent.EquipmentInstalled e) {
            Equipment q = e.equipment();
            w.begin(16).string(1, q.id().value()).string(2, q.site().value()).string(3, q.type()).string(4, q.make())
                    .string(5, q.model()).string(6, q.serial()).date(7, q.installedOn()).date(8, q.warrantyUntil())
                    .end();
        } else if (event instanceof CustomerEvent.ContractDrafted e) {
            terms(w, 16, e.terms());
        } else if (event instanceof CustomerEvent.ContractActivated e) {
            w.string(16, e.contract().value());
        } else if (event instanceof CustomerEvent.ContractCancelled e) {
            w.string(16, e.contract().value()).string(17, e.reason());
        } else if (event instanceof CustomerEvent.ContractInvoiced e) {
            w.string(16, e.contract().value()).i32(17, e.instalment()).string(18, e.invoiceNumber()).date(19, e.date())
                    .money(20, e.taxableValue()).money(21, e.total());
        } else {
            throw new IllegalStateException("unknown customer event type " + event.getClass().getName());
        }
        return w.toBytes();
    }

    private static void profile(CanonicalWriter w, int tag, CustomerProfile p) {
        w.begin(tag).string(1, p.name()).strings(2, p.phones()).string(3, p.email()).string(4, p.language())
                .string(5, p.gstin()).string(6, p.stateCode()).string(7, p.billingAddress()).end();
    }

    private static void terms(CanonicalWriter w, int tag, ContractTerms t) {
        ContractPlan p = t.plan();
        w.begin(tag).string(1, t.id().value()).string(2, t.kind().name())
                .strings(3, t.sites().stream().map(SiteId::value).toList())
                .strings(4, t.equipment().stream().map(EquipmentId::value).toList())
                .begin(5).i32(1, p.visitsPerYear()).i32(2, p.intervalDays()).i32(3, p.windowDays())
                .string(4, p.visitJobType()).i32(5, p.breakdownCalls()).strings(6, p.jobTypes())
                .string(7, p.partsCover().name()).i32(8, p.partsDiscountBasisPoints()).bool(9, p.labourCovered())
                .i32(10, p.responseHours()).end()
                .money(6, t.price()).i32(7, t.instalments()).date(8, t.start()).date(9, t.end())
                .string(10, t.renews() == null ? null : t.renews().value()).end();
    }
}
