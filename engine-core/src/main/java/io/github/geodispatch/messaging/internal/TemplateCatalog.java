package io.github.geodispatch.messaging.internal;

import io.github.geodispatch.messaging.Languages;
import io.github.geodispatch.messaging.Template;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TimeWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The templates and phrases of every {@link Languages supported language}, read from {@code templates_<lang>.properties}
 * beside this class (UTF-8), and how parameter values are written: a window as {@code 16/11 14:00–16:00}, a time as
 * {@code 14:35}, a date as {@code 30/11/2026}, money as {@code ₹1499.00} or {@code KSh 2500.00}, in the business
 * zone. Loading checks that each template of each language has exactly its parameters {{1}}..{{n}} and each phrase
 * is there. Immutable and thread-safe.
 */
final class TemplateCatalog {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final Map<String, Properties> byLanguage;
    private final ZoneId zone;

    TemplateCatalog(ZoneId zone) {
        this.zone = zone;
        Map<String, Properties> loaded = new HashMap<>();
        for (String language : Languages.SUPPORTED) {
            loaded.put(language, load(language));
        }
        this.byLanguage = Map.copyOf(loaded);
    }

    /** The template in {@code language} with each {{n}} replaced by the n-th of {@code parameters}. */
    String render(Template template, String language, List<String> parameters) {
        if (parameters.size() != template.parameters()) {
            throw new IllegalArgumentException(template.id() + " takes " + template.parameters() + " parameters, not "
                    + parameters.size());
        }
        Matcher m = PLACEHOLDER.matcher(text(language, template.id()));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(parameters.get(Integer.parseInt(m.group(1)) - 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The template's raw text in {@code language}, placeholders and all. */
    String text(String language, String key) {
        Properties p = byLanguage.get(language);
        if (p == null) {
            throw new IllegalArgumentException("no templates in language '" + language + "'");
        }
        return p.getProperty(key);
    }

    /** {@code values} written in {@code language}: strings as they are, phrases, windows, times, dates and money. */
    List<String> parameters(List<Object> values, String language) {
        List<String> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(write(v, language));
        }
        return out;
    }

    private String write(Object value, String language) {
        if (value instanceof String s) {
            return s;
        } else if (value instanceof Phrase p) {
            return text(language, p.key);
        } else if (value instanceof TimeWindow w) {
            ZonedDateTime from = w.from().atZone(zone);
            ZonedDateTime to = w.to().atZone(zone);
            return from.toLocalDate().equals(to.toLocalDate())
                    ? DAY.format(from) + " " + TIME.format(from) + "–" + TIME.format(to)
                    : DAY.format(from) + " " + TIME.format(from) + " – " + DAY.format(to) + " " + TIME.format(to);
        } else if (value instanceof Instant t) {
            return TIME.format(t.atZone(zone));
        } else if (value instanceof LocalDate d) {
            return DATE.format(d);
        } else if (value instanceof Money m) {
            return symbol(m.currency()) + m.toPlainString();
        }
        throw new IllegalArgumentException("no way to write a " + value.getClass().getName() + " in a message");
    }

    private static String symbol(Currency currency) {
        return switch (currency) {
            case INR -> "₹";
            case KES -> "KSh ";
            case USD, AED -> currency.name() + " ";
        };
    }

    private static Properties load(String language) {
        String name = "templates_" + language + ".properties";
        Properties p = new Properties();
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("message catalog " + name + " is missing");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read message catalog " + name, e);
        }
        for (Template t : Template.values()) {
            String text = p.getProperty(t.id());
            if (text == null || text.isBlank()) {
                throw new IllegalStateException(name + " has no text for template " + t.id());
            }
            List<Integer> seen = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                seen.add(Integer.parseInt(m.group(1)));
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 1; i <= t.parameters(); i++) {
                expected.add(i);
            }
            if (!seen.stream().sorted().toList().equals(expected)) {
                throw new IllegalStateException(name + ": template " + t.id() + " must use {{1}}..{{" + t.parameters()
                        + "}} once each, uses " + seen);
            }
        }
        for (Phrase phrase : Phrase.values()) {
            if (p.getProperty(phrase.key) == null) {
                throw new IllegalStateException(name + " has no " + phrase.key);
            }
        }
        return p;
    }
}
