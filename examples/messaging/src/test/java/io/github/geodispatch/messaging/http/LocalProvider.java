package io.github.geodispatch.messaging.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A provider on the loopback address for the adapter tests (the JDK's {@link HttpServer}): it answers each request
 * with the next scripted answer ({@link #otherwise} when none is left) and records what it was sent. Thread-safe.
 */
final class LocalProvider implements AutoCloseable {
    record Answer(int status, Map<String, String> headers, String body) {}

    record Received(String method, String path, String query, String authorization, String body) {}

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private java.util.function.Function<Received, Answer> otherwise = r -> new Answer(200, Map.of(), "{}");
    /** The back-off the adapter asked for, instead of sleeping. */
    final List<Duration> sleeps = new ArrayList<>();

    LocalProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer answer;
            synchronized (this) {
                Received call = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(body, StandardCharsets.UTF_8));
                received.add(call);
                answer = script.isEmpty() ? otherwise.apply(call) : script.poll();
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized LocalProvider answer(int status, String body) {
        return answer(status, Map.of(), body);
    }

    synchronized LocalProvider answer(int status, Map<String, String> headers, String body) {
        script.add(new Answer(status, headers, body));
        return this;
    }

    /** How requests beyond the script are answered (200 {@code {}} unless set). */
    synchronized LocalProvider otherwise(java.util.function.Function<Received, Answer> answers) {
        otherwise = answers;
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Calls made with this provider's sleeper record their back-off and return at once; one attempt = 3 calls. */
    ProviderHttp http() {
        return ProviderHttp.defaults().withSleeper(d -> {
            synchronized (sleeps) {
                sleeps.add(d);
            }
        }).withRetries(new Retries(3, Duration.ofMillis(200)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
