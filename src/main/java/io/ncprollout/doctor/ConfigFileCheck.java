package io.ncprollout.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code ROLLOUT_CONFIG} file: unset is OK (defaults); set, it must exist, be readable and be YAML (a mapping
 * at the top). Its schema is not checked here.
 */
public final class ConfigFileCheck {
    static final String NAME = "config file";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Optional<Path> file;

    public ConfigFileCheck(Optional<Path> file) {
        this.file = file;
    }

    public CheckResult run() {
        if (file.isEmpty()) {
            return CheckResult.ok(NAME, "ROLLOUT_CONFIG is not set: default permissions apply");
        }
        Path path = file.get();
        if (!Files.isRegularFile(path)) {
            return CheckResult.fail(NAME, "ROLLOUT_CONFIG " + path + " does not exist or is not a file",
                    "fix the path, or unset ROLLOUT_CONFIG");
        }
        if (!Files.isReadable(path)) {
            return CheckResult.fail(NAME, "ROLLOUT_CONFIG " + path + " is not readable", "give the bot's user read access");
        }
        try {
            JsonNode root = YAML.readTree(path.toFile());
            if (root == null || root.isMissingNode() || root.isNull()) {
                return CheckResult.warn(NAME, path + " is empty", "add the sections you need, or unset ROLLOUT_CONFIG");
            }
            if (!root.isObject()) {
                return CheckResult.fail(NAME, path + " is YAML but not a mapping of sections", "see the README's configuration file section");
            }
            return CheckResult.ok(NAME, path + " is readable YAML (sections: " + String.join(", ", (Iterable<String>) root::fieldNames) + ")");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            return CheckResult.fail(NAME, path + " is not valid YAML" + where + ": " + e.getOriginalMessage(), "fix the YAML syntax");
        } catch (IOException e) {
            return CheckResult.fail(NAME, "cannot read " + path + ": " + e.getMessage(), "check the file's permissions");
        }
    }
}
