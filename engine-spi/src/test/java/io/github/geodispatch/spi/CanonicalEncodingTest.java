package io.github.geodispatch.spi;

import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canonical encoding's published test vectors, its strict decoding of hostile bytes, and the guard that keeps
 * every record component inside the hash.
 */
class CanonicalEncodingTest {
    /** Where the vectors live: {@code examples/data/hash-chain/canonical-v2.txt}. */
    static final String VECTORS = "hash-chain/canonical-v2.txt";
    private static final HexFormat HEX = HexFormat.of();

    /**
     * The vector stream: the format-1 fixture re-chained to format 2 (what a migration writes), and one more event
     * that a technician's phone queued while offline.
     */
    static List<JobEvent> vectorStream() {
        List<JobEvent> stream = new ArrayList<>(HashChain.rechained(LegacyChainFixture.stream()));
        Instant device = Instant.parse("2025-06-02T05:10:30.250Z");
        stream.add(new JobEvent.ProofAdded(new EventHeader(new UUID(0x5EED_0000_0000_0000L, 21), LegacyChainFixture.STREAM,
                21, device, LegacyChainFixture.TECHNICIAN, HashChain.head(stream), ChainFormat.CANONICAL_V2,
                new DeviceOrigin("01J9ZQ4K7W3V5B8N2M6X0C1D3F", device, device.plusSeconds(2_415))), ProofKind.SIGNATURE,
                "customer approval", "sig/JOB-1001.png", null));
        return List.copyOf(stream);
    }

    static String renderVectors(List<JobEvent> stream) {
        StringBuilder b = new StringBuilder()
                .append("# geodispatch hash chain, format 2 (canonical encoding): test vectors. See docs/hash-chain.md.\n")
                .append("# One job stream, one block per event in version order:\n")
                .append("#   event <version> <type>\n#   bytes <the event's canonical encoding, hex>\n#   sha256 <its hash>\n")
                .append("# A verifier checks, for each event: sha256(bytes) = sha256; byte 0 = 2; bytes 2-33 = the previous\n")
                .append("# event's sha256 (32 zero bytes for version 1); bytes 34-41 = the version, big-endian.\n");
        for (JobEvent e : stream) {
            b.append("event ").append(e.header().version()).append(' ').append(e.getClass().getSimpleName()).append('\n')
                    .append("bytes ").append(HEX.formatHex(CanonicalEncoding.encode(e))).append('\n')
                    .append("sha256 ").append(HashChain.hash(e)).append('\n');
        }
        return b.toString();
    }

    /**
     * The published vectors are what the code writes. To change them on purpose (a new field, never an edit of an
     * old one), run this test with {@code -Dhashchain.vectors.write=true} and review the diff.
     */
    @Test
    void thePublishedVectorsAreWhatTheEncoderWrites() throws IOException {
        String rendered = renderVectors(vectorStream());
        Path file = SampleData.path("hash-chain");
        if (Boolean.getBoolean("hashchain.vectors.write")) {
            Files.writeString(file.resolve("canonical-v2.txt"), rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SampleData.path(VECTORS), StandardCharsets.UTF_8)).isEqualTo(rendered);
    }

    @Test
    void theVectorsVerifyFromTheirBytesAlone() throws Exception {
        List<String> lines = Files.readAllLines(SampleData.path(VECTORS), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#")).toList();
        byte[] previous = new byte[32];
        long version = 0;
        for (int i = 0; i < lines.size(); i += 3) {
            byte[] bytes = HEX.parseHex(lines.get(i + 1).substring("bytes ".length()));
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            assertThat(HEX.formatHex(sha)).isEqualTo(lines.get(i + 2).substring("sha256 ".length()));
            assertThat(bytes[0]).isEqualTo((byte) 2);
            assertThat(Arrays.copyOfRange(bytes, 2, 34)).isEqualTo(previous);
            assertThat(ByteBuffer.wrap(bytes, 34, 8).getLong()).isEqualTo(++version);
            assertThat(CanonicalEncoding.encode(CanonicalEncoding.decode(bytes))).isEqualTo(bytes);
            previous = sha;
        }
        assertThat(version).isEqualTo(21);
    }

    @Test
    void theWorkedExampleOfTheDocsIsTheSecondEvent() {
        // docs/hash-chain.md takes the JobAssigned event apart byte by byte; keep its hex in step with this
        JobEvent assigned = vectorStream().get(1);
        String hex = HEX.formatHex(CanonicalEncoding.encode(assigned));

        assertThat(hex).startsWith("0202").contains("01" + "00000010" + "5eed000000000000" + "0000000000000002");
        assertThat(hex).endsWith("10" + "00000006" + "746563682d37" + "11" + "00000015"
                + HEX.formatHex("nearest tech on leave".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyComponentOfEveryEventIsEncoded() {
        // the encoder names each component by hand: a component added to a record must be added there (with a new
        // tag, and to docs/hash-chain.md), then here; until then it would sit outside the hash
        Map<Class<?>, String> encoded = new LinkedHashMap<>();
        encoded.put(EventHeader.class, "eventId stream version occurredAt actor previousHash format origin");
        encoded.put(Actor.class, "id role tenant branch");
        encoded.put(DeviceOrigin.class, "idempotencyKey deviceTime receivedAt");
        encoded.put(JobEvent.JobCreated.class, "header branch customer site issue jobType requiredSkills priority window"
                + " slaDeadline estimatedMinutes quote coverage preferredTechnician");
        encoded.put(Site.class, "id location radiusMetres address");
        encoded.put(GeoPoint.class, "lat lng");
        encoded.put(SkillRequirement.class, "skill minLevel");
        encoded.put(TimeWindow.class, "from to");
        encoded.put(Coverage.class, "kind reference validUntil jobTypes");
        encoded.put(Money.class, "minor currency");
        encoded.put(JobEvent.JobAssigned.class, "header technician overrideReason");
        encoded.put(JobEvent.JobUnassigned.class, "header technician reason");
        encoded.put(JobEvent.StatusChanged.class, "header status reason evidence slot");
        encoded.put(VisitSlot.class, "technician window");
        encoded.put(JobEvent.ProofAdded.class, "header kind label reference sha256");
        encoded.put(JobEvent.PartUsed.class, "header sku hsn quantity unitPrice billable");
        encoded.put(JobEvent.ExpenseAdded.class, "header kind amount billable");
        encoded.put(JobEvent.PaymentRecorded.class, "header mode amount reference promisedOn approvedBy");
        encoded.put(JobEvent.InvoiceHandedOff.class, "header invoiceNumber total partSkus");

        encoded.put(JobEvent.MessageStatusChanged.class,
                "header message template recipient channel status providerReference detail");
        encoded.put(JobEvent.OtpIssued.class, "header salt codeHash expiresAt maxAttempts");
        encoded.put(JobEvent.OtpAttemptFailed.class, "header otp");
        encoded.put(JobEvent.PaymentRequested.class, "header mode amount reference payer link");
        encoded.put(JobEvent.PaymentCallbackReceived.class,
                "header reference paid resultCode resultDescription receipt amount");
        encoded.put(JobEvent.FeedbackRecorded.class, "header rating comment");

        // nine job events and the customer-contact family
        assertThat(JobEvent.class.getPermittedSubclasses()).hasSize(10);
        assertThat(JobEvent.ContactEvent.class.getPermittedSubclasses()).hasSize(6);
        encoded.forEach((type, components) -> assertThat(String.join(" ", Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName).toList())).as("components of %s", type.getSimpleName()).isEqualTo(components));
    }

    @Test
    void textThatIsNotUnicodeCannotBeHashed() {
        JobEvent note = note("broken \uD800 surrogate");

        assertThatThrownBy(() -> HashChain.hash(note)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate").hasMessageContaining("field 18");
        assertThat(HashChain.hash(note("emoji \uD83D\uDE00 pair"))).hasSize(64);
    }

    @Test
    void aFormatOneEventHasNoCanonicalBytes() {
        assertThatThrownBy(() -> CanonicalEncoding.encode(LegacyChainFixture.stream().get(0)))
                .hasMessageContaining("format 1").hasMessageContaining("re-chain");
    }

    private static JobEvent note(String text) {
        return new JobEvent.ProofAdded(new EventHeader(new UUID(1, 2), LegacyChainFixture.STREAM, 1,
                Instant.EPOCH, LegacyChainFixture.OWNER, HashChain.GENESIS), ProofKind.NOTE, "", text, null);
    }

    /** Hostile inputs: each is refused with a message, never read as some other event. */
    @ParameterizedTest
    @ValueSource(strings = {"truncated", "format", "type", "trailing", "overrun", "order", "unknownTag", "missing",
            "badUtf8", "negativeZero", "nanos", "bool", "listCount"})
    void malformedBytesAreRefused(String how) {
        byte[] good = CanonicalEncoding.encode(vectorStream().get(0));
        byte[] bad = switch (how) {
            case "truncated" -> Arrays.copyOf(good, good.length - 1);
            case "format" -> with(good, 0, 1);
            case "type" -> with(good, 1, 10);
            case "trailing" -> Arrays.copyOf(good, good.length + 1);
            case "overrun" -> with(good, CanonicalEncoding.PREFIX_LENGTH + 4, 0x7f);
            case "order" -> swapFirstTwoFields(good);
            case "unknownTag" -> concat(good, new byte[] {(byte) 200, 0, 0, 0, 0});
            case "missing" -> dropField(good, 3);
            case "badUtf8" -> badUtf8(good);
            case "negativeZero" -> negativeZeroLatitude();
            case "nanos" -> badNanos(good);
            case "bool" -> badBool();
            case "listCount" -> oneSkuTooMany();
            default -> throw new IllegalArgumentException(how);
        };
        assertThatThrownBy(() -> CanonicalEncoding.decode(bad)).as(how).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }

    private static byte[] with(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Offsets of the top-level fields. */
    private static List<int[]> fields(byte[] bytes) {
        List<int[]> out = new ArrayList<>();
        for (int pos = CanonicalEncoding.PREFIX_LENGTH; pos < bytes.length; ) {
            int len = ByteBuffer.wrap(bytes, pos + 1, 4).getInt();
            out.add(new int[] {pos, 5 + len, bytes[pos] & 0xff});
            pos += 5 + len;
        }
        return out;
    }

    private static byte[] swapFirstTwoFields(byte[] bytes) {
        List<int[]> f = fields(bytes);
        byte[] out = bytes.clone();
        int a = f.get(0)[0], al = f.get(0)[1], bl = f.get(1)[1];
        System.arraycopy(bytes, a + al, out, a, bl);
        System.arraycopy(bytes, a, out, a + bl, al);
        return out;
    }

    private static byte[] dropField(byte[] bytes, int tag) {
        for (int[] f : fields(bytes)) {
            if (f[2] == tag) {
                byte[] out = new byte[bytes.length - f[1]];
                System.arraycopy(bytes, 0, out, 0, f[0]);
                System.arraycopy(bytes, f[0] + f[1], out, f[0], bytes.length - f[0] - f[1]);
                return out;
            }
        }
        throw new IllegalArgumentException("no field " + tag);
    }

    private static byte[] badUtf8(byte[] bytes) {
        for (int[] f : fields(bytes)) {
            if (f[2] == 3) { // the job id: overwrite its first byte with a lone continuation byte
                return with(bytes, f[0] + 5, 0x80);
            }
        }
        throw new IllegalStateException();
    }

    private static byte[] badNanos(byte[] bytes) {
        for (int[] f : fields(bytes)) {
            if (f[2] == 4) {
                byte[] out = bytes.clone();
                ByteBuffer.wrap(out, f[0] + 5 + 8, 4).putInt(1_000_000_000);
                return out;
            }
        }
        throw new IllegalStateException();
    }

    /** A site at latitude -0.0: the value GeoPoint stores as +0.0, so these bytes are not how any event encodes. */
    private static byte[] negativeZeroLatitude() {
        JobEvent.JobCreated c = (JobEvent.JobCreated) vectorStream().get(0);
        Site s = c.site();
        JobEvent.JobCreated atZero = new JobEvent.JobCreated(c.header(), c.branch(), c.customer(),
                new Site(s.id(), GeoPoint.of(0.0, s.location().lng()), s.radiusMetres(), s.address()), c.issue(),
                c.jobType(), c.requiredSkills(), c.priority(), c.window(), c.slaDeadline(), c.estimatedMinutes(), c.quote(),
                c.coverage(), c.preferredTechnician());
        byte[] bytes = CanonicalEncoding.encode(atZero);
        for (int[] f : fields(bytes)) {
            if (f[2] == 18) { // the site: its field 1 (id), then field 2 (location), whose field 1 is the latitude
                int site = f[0] + 5;
                int location = site + 5 + ByteBuffer.wrap(bytes, site + 1, 4).getInt();
                ByteBuffer.wrap(bytes, location + 5 + 5, 8).putLong(Double.doubleToRawLongBits(-0.0));
                return bytes;
            }
        }
        throw new IllegalStateException("no site field");
    }

    private static byte[] badBool() {
        JobEvent expense = vectorStream().get(12);
        byte[] bytes = CanonicalEncoding.encode(expense);
        bytes[bytes.length - 1] = 2;
        return bytes;
    }

    private static byte[] oneSkuTooMany() {
        JobEvent invoice = vectorStream().get(17);
        byte[] bytes = CanonicalEncoding.encode(invoice);
        for (int[] f : fields(bytes)) {
            if (f[2] == 18) { // the part SKUs: claim one more item than there is
                int count = ByteBuffer.wrap(bytes, f[0] + 5, 4).getInt();
                ByteBuffer.wrap(bytes, f[0] + 5, 4).putInt(count + 1);
                return bytes;
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void aStreamMayMoveFromFormatOneToTwoButNeverBack() {
        List<JobEvent> legacy = LegacyChainFixture.stream().subList(0, 3);
        List<JobEvent> mixed = new ArrayList<>(legacy);
        mixed.add(new JobEvent.ProofAdded(new EventHeader(new UUID(9, 4), LegacyChainFixture.STREAM, 4, Instant.EPOCH,
                LegacyChainFixture.OWNER, HashChain.head(mixed)), ProofKind.NOTE, "", "after the upgrade", null));
        assertThat(HashChain.verifies(mixed)).isTrue();

        List<JobEvent> back = new ArrayList<>(mixed);
        back.add(new JobEvent.ProofAdded(new EventHeader(new UUID(9, 5), LegacyChainFixture.STREAM, 5, Instant.EPOCH,
                LegacyChainFixture.OWNER, HashChain.head(back), ChainFormat.TEXT_V1, null), ProofKind.NOTE, "", "old writer",
                null));
        assertThat(HashChain.firstBroken(back)).hasValue(4);
    }

    @Test
    void reChainingKeepsEveryEventAndVerifiesButRefusesABrokenStream() {
        List<JobEvent> legacy = LegacyChainFixture.stream();
        List<JobEvent> rechained = HashChain.rechained(legacy);

        assertThat(HashChain.verifies(rechained)).isTrue();
        assertThat(rechained).extracting(e -> e.header().format()).containsOnly(ChainFormat.CANONICAL_V2);
        for (int i = 0; i < legacy.size(); i++) {
            JobEvent before = legacy.get(i), after = rechained.get(i);
            assertThat(after.withHeader(before.header())).as("content of version %d", i + 1).isEqualTo(before);
            assertThat(after.header().eventId()).isEqualTo(before.header().eventId());
        }
        assertThat(HashChain.head(rechained)).isNotEqualTo(HashChain.head(legacy));

        List<JobEvent> tampered = new ArrayList<>(legacy);
        JobEvent.StatusChanged arrived = (JobEvent.StatusChanged) tampered.get(6);
        tampered.set(6, new JobEvent.StatusChanged(arrived.header(), arrived.status(), arrived.reason(), "geofence"));
        assertThatThrownBy(() -> HashChain.rechained(tampered)).hasMessageContaining("does not verify at version 8");
    }
}
