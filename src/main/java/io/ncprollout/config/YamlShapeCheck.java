package io.ncprollout.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a YAML document against the shape of a record (its components name the keys; {@code List}, {@code Map}
 * with string keys, strings and numbers below) before anything binds it, and reports <em>every</em> problem with its
 * line: each unknown key (with the nearest known one as a hint), each list where one value belongs and the other way
 * round, and a syntax error. Jackson's own errors stop at the first and name Java classes; these name keys and lines.
 *
 * <p>It also records the line of every key, so checks made after binding ({@code permissions[0].users: …}) can say
 * where in the file they are.
 */
final class YamlShapeCheck {
    private static final YAMLFactory YAML = new YAMLFactory();

    /** A problem at a line of the file (1-based; 0 when unknown). */
    record Problem(int line, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private YamlShapeCheck() {
    }

    /** The outcome: the problems found, and the line of each key by its path ({@code permissions[0].users}). */
    record Result(List<Problem> problems, Map<String, Integer> lines) {
        /** The line of {@code path}, or of the nearest enclosing key that has one; 0 when none. */
        int lineOf(String path) {
            String p = path;
            while (!p.isEmpty()) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut < 0 ? "" : p.substring(0, cut);
            }
            return 0;
        }
    }

    static Result check(String yaml, Class<?> shape) {
        YamlShapeCheck check = new YamlShapeCheck();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first != null) {
                check.value(parser, shape, "");
            }
            if (parser.nextToken() != null) {
                check.problems.add(new Problem(line(parser), "more than one YAML document: keep one"));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            check.problems.add(new Problem(line, "not valid YAML: " + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            check.problems.add(new Problem(0, "cannot be read: " + e.getMessage()));
        }
        return new Result(List.copyOf(check.problems), Map.copyOf(check.lines));
    }

    private void value(JsonParser p, Type type, String path) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        Class<?> raw = rawClass(type);
        if (raw.isRecord()) {
            mapping(p, raw, path);
        } else if (List.class.isAssignableFrom(raw)) {
            list(p, argument(type, 0), path);
        } else if (Map.class.isAssignableFrom(raw)) {
            freeMapping(p, argument(type, 1), path);
        } else {
            scalar(p, raw, path);
        }
    }

    private void mapping(JsonParser p, Class<?> shape, String path) throws IOException {
        List<String> known = Arrays.stream(shape.getRecordComponents()).map(RecordComponent::getName).toList();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problems.add(new Problem(line(p), where(path) + " should be a mapping of keys (" + String.join(", ", known)
                    + "), not " + describe(p.currentToken())));
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = line(p);
            p.nextToken();
            RecordComponent component = Arrays.stream(shape.getRecordComponents())
                    .filter(c -> c.getName().equals(key)).findFirst().orElse(null);
            if (component == null) {
                String hint = DidYouMean.closest(key, known).map(k -> " — did you mean '" + k + "'?")
                        .orElse(" (known here: " + String.join(", ", known) + ")");
                problems.add(new Problem(line, "unknown key '" + key + "'" + (path.isEmpty() ? "" : " in " + path) + hint));
                p.skipChildren();
                continue;
            }
            String child = path.isEmpty() ? key : path + "." + key;
            lines.put(child, line);
            value(p, component.getGenericType(), child);
        }
    }

    private void freeMapping(JsonParser p, Type valueType, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problems.add(new Problem(line(p), where(path) + " should be a mapping (name: value), not " + describe(p.currentToken())));
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String child = path + "." + p.currentName();
            lines.put(child, line(p));
            p.nextToken();
            value(p, valueType, child);
        }
    }

    private void list(JsonParser p, Type elementType, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problems.add(new Problem(line(p), where(path) + " should be a list ([a, b] or lines starting with '- '), not "
                    + describe(p.currentToken())));
            p.skipChildren();
            return;
        }
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String child = path + "[" + i++ + "]";
            lines.put(child, line(p));
            value(p, elementType, child);
        }
    }

    private void scalar(JsonParser p, Class<?> type, String path) throws IOException {
        JsonToken token = p.currentToken();
        if (token.isStructStart()) {
            problems.add(new Problem(line(p), where(path) + " should be a single value, not " + describe(token)));
            p.skipChildren();
            return;
        }
        boolean whole = type == Long.class || type == Integer.class || type == long.class || type == int.class;
        boolean number = whole || type == Double.class || type == double.class;
        if (whole && token != JsonToken.VALUE_NUMBER_INT) {
            problems.add(new Problem(line(p), where(path) + " should be a whole number, not '" + p.getText() + "'"));
        } else if (number && !token.isNumeric()) {
            problems.add(new Problem(line(p), where(path) + " should be a number, not '" + p.getText() + "'"));
        } else if ((type == Boolean.class || type == boolean.class) && !token.isBoolean()) {
            problems.add(new Problem(line(p), where(path) + " should be true or false, not '" + p.getText() + "'"));
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "the file" : path;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            default -> "a single value";
        };
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType pt && pt.getActualTypeArguments().length > index) {
            return pt.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
