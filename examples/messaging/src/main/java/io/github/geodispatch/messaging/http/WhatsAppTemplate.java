package io.github.geodispatch.messaging.http;

/**
 * A message template as the WhatsApp Business account holds it: its id, {@code name} (the engine's template id),
 * {@code language} code, review {@code status} ({@code APPROVED}, {@code PENDING}, {@code REJECTED}, ...) and
 * {@code category} ({@code UTILITY}, {@code MARKETING}, {@code AUTHENTICATION}). Immutable and thread-safe.
 */
public record WhatsAppTemplate(String id, String name, String language, String status, String category) {
    public boolean approved() {
        return "APPROVED".equals(status);
    }
}
