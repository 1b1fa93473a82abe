package io.github.geodispatch.messaging.internal;

import io.github.geodispatch.messaging.Template;
import io.github.geodispatch.spi.MessageRecipient;
import java.util.List;

/**
 * A message decided but not yet written: the template, who it is for, and its parameter values before they are
 * written in the recipient's language (strings, {@link Phrase}s, windows, times, dates, money). Immutable.
 */
record Draft(Template template, MessageRecipient recipient, List<Object> values) {
    Draft {
        values = List.copyOf(values);
        if (values.size() != template.parameters()) {
            throw new IllegalArgumentException(template.id() + " takes " + template.parameters() + " values, not "
                    + values.size());
        }
    }

    static Draft of(Template template, MessageRecipient recipient, Object... values) {
        return new Draft(template, recipient, List.of(values));
    }
}
