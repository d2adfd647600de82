package io.ncprollout.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/**
 * Reads the project's YAML files into records, strictly: an unknown key is an error naming the key, its line
 * and the keys that are known, so a typo in a permission rule can never be silently ignored.
 */
public final class YamlFiles {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private YamlFiles() {
    }

    /**
     * Parses {@code yaml} as {@code shape}; {@code source} names the file in messages.
     *
     * @return null for an empty document
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    public static <T> T read(String yaml, String source, Class<T> shape) {
        try {
            return yaml.isBlank() ? null : YAML.readValue(yaml, shape);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(source + ": unknown key '" + e.getPropertyName() + "' at line "
                    + lineOf(yaml, e) + " (known: " + e.getKnownPropertyIds() + ")", e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(source + ": invalid at line " + line + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The line of the key that {@code e} rejects. The exception's own location is where the YAML parser
     * had read ahead to, often the next line, so the key is found again by its path.
     */
    private static int lineOf(String yaml, JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME
                        && parser.getParsingContext().pathAsPointer().toString().contentEquals(pointer)) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException ignored) {
            // the text parsed once already; fall back to the exception's location
        }
        return e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    }
}
