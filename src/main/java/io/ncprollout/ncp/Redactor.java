package io.ncprollout.ncp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Replaces credentials in text that came back from the server before it reaches an exception. */
final class Redactor {
    private static final String MASK = "***";
    private final List<String> secrets;

    Redactor(String... secrets) {
        // very short values would mask ordinary text; keys are 20+ characters
        this.secrets = java.util.Arrays.stream(secrets).filter(s -> s != null && s.length() >= 8).toList();
    }

    /** {@code text} with every known secret, and {@code extra} when given (a signature), masked. */
    String redact(String text, @Nullable String extra) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return extra == null || extra.isEmpty() ? result : result.replace(extra, MASK);
    }

    @Nullable String redactNullable(@Nullable String text, @Nullable String extra) {
        return text == null ? null : redact(text, extra);
    }
}
