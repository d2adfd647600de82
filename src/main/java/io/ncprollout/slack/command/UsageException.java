package io.ncprollout.slack.command;

import io.ncprollout.slack.render.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A command that cannot be run as typed. It carries what to tell the user as message keys with their arguments, so
 * that the reply is worded in the user's language; {@link #getMessage()} is the English wording, for logs and tests.
 * Arguments that echo what the user typed are clipped and stripped of backticks by the parser.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One sentence of the reply.
     *
     * @param key  its key in the message bundles
     * @param args its arguments
     */
    public record Part(String key, List<Object> args) {
        public Part {
            Objects.requireNonNull(key, "key == null");
            args = List.copyOf(args);
        }
    }

    private final transient List<Part> parts;

    UsageException(Part... parts) {
        super(render(List.of(parts), Locale.ENGLISH));
        this.parts = List.of(parts);
    }

    static Part part(String key, Object... args) {
        return new Part(key, List.of(args));
    }

    /** The reply in {@code locale}'s language: the sentences joined by spaces. */
    public String message(Locale locale) {
        return render(parts, locale);
    }

    private static String render(List<Part> parts, Locale locale) {
        Texts t = Texts.of(locale);
        return parts.stream().map(p -> t.t(p.key(), p.args().toArray())).collect(Collectors.joining(" "));
    }
}
