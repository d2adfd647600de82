package io.ncprollout.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the project's YAML files into records, strictly: the text is first checked against the record's shape
 * ({@link YamlShapeCheck}), so every unknown key, misplaced list or syntax error is reported with its line and a hint
 * (never a Java class name), and a typo in a permission rule can never be silently ignored.
 */
public final class YamlFiles {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    /** Binds what it can of a file whose shape check found problems, so the later checks can report theirs too. */
    private static final ObjectMapper LENIENT = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private YamlFiles() {
    }

    /**
     * A document checked against its shape and bound as far as it could be, keeping where its keys are so that checks
     * made after binding can name lines too, and every problem is reported at once.
     *
     * @param value  the record; null for an empty document, or when the text could not be bound at all
     * @param source the file's name in messages
     */
    public record Parsed<T>(@Nullable T value, String source, YamlShapeCheck.Result shape) {
        /**
         * Throws with the shape's problems and {@code later} ones ({@code permissions[0].users: 'bob' is not…}, each
         * placed at the line of the path it starts with), in the order of their lines; returns when there are none.
         *
         * @throws ConfigFileException naming the file and line of every problem
         */
        public void failOn(List<String> later) {
            List<YamlShapeCheck.Problem> all = new ArrayList<>(shape.problems());
            for (String problem : later) {
                int end = 0;
                while (end < problem.length() && problem.charAt(end) != ':' && problem.charAt(end) != ' ') {
                    end++;
                }
                all.add(new YamlShapeCheck.Problem(shape.lineOf(problem.substring(0, end)), problem));
            }
            if (!all.isEmpty()) {
                all.sort(Comparator.comparingInt(YamlShapeCheck.Problem::line));
                throw new ConfigFileException(all.stream().map(p -> at(source, p.line(), p.message())).toList());
            }
        }
    }

    /**
     * Parses {@code yaml} as {@code shape}; {@code source} names the file in messages.
     *
     * @return null for an empty document
     * @throws ConfigFileException naming the file and line of every problem
     */
    public static <T> @Nullable T read(String yaml, String source, Class<T> shape) {
        Parsed<T> parsed = parse(yaml, source, shape);
        parsed.failOn(List.of());
        return parsed.value();
    }

    /**
     * Checks {@code yaml} against {@code shape} and binds what it can (unknown keys left out), without throwing for the
     * problems found: the caller adds its own checks and calls {@link Parsed#failOn}.
     */
    public static <T> Parsed<T> parse(String yaml, String source, Class<T> shape) {
        YamlShapeCheck.Result result = YamlShapeCheck.check(yaml, shape);
        if (yaml.isBlank()) {
            return new Parsed<>(null, source, result);
        }
        try {
            return new Parsed<>((result.problems().isEmpty() ? YAML : LENIENT).readValue(yaml, shape), source, result);
        } catch (JsonProcessingException e) {
            if (!result.problems().isEmpty()) {
                return new Parsed<>(null, source, result);
            }
            // the shape check accepts what binds; this is a backstop that still names no Java class
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            List<YamlShapeCheck.Problem> problems = List.of(new YamlShapeCheck.Problem(line, "a value does not fit here"));
            return new Parsed<>(null, source, new YamlShapeCheck.Result(problems, result.lines()));
        }
    }

    /** Why a file could not be read, in words: "no such file", "permission denied", or the system's message. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String at(String source, int line, String message) {
        return source + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
