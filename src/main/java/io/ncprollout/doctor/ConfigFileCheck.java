package io.ncprollout.doctor;

import io.ncprollout.config.ConfigFileException;
import io.ncprollout.config.RolloutConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ROLLOUT_CONFIG} file: unset is OK (defaults); set, it is read and checked exactly as the bot does at
 * startup ({@link RolloutConfigFile#load}): every unknown key, bad value and syntax error with its line, so a file the
 * bot refuses is never rated OK here.
 */
public final class ConfigFileCheck {
    static final String NAME = "config file";

    private final Optional<Path> file;

    public ConfigFileCheck(Optional<Path> file) {
        this.file = file;
    }

    public CheckResult run() {
        if (file.isEmpty()) {
            return CheckResult.ok(NAME, "ROLLOUT_CONFIG is not set: default permissions apply");
        }
        Path path = file.get();
        try {
            RolloutConfigFile rules = RolloutConfigFile.load(path);
            if (rules.equals(RolloutConfigFile.empty())) {
                return CheckResult.warn(NAME, path + " is empty", "add the sections you need, or unset ROLLOUT_CONFIG");
            }
            return CheckResult.ok(NAME, path + " is valid (" + summary(rules) + ")");
        } catch (ConfigFileException e) {
            String fix = e.problems().size() == 1 && e.problems().get(0).contains("cannot be read")
                    ? (Files.exists(path) ? "give the bot's user read access" : "fix the path, or unset ROLLOUT_CONFIG")
                    : "fix the file; the bot refuses to start with it (see the README's configuration file section)";
            return CheckResult.fail(NAME, String.join("\n", e.problems()), fix);
        }
    }

    private static String summary(RolloutConfigFile rules) {
        List<String> parts = new ArrayList<>();
        parts.add(rules.permissions().size() + " permission rules");
        rules.read().ifPresent(r -> parts.add("read"));
        parts.add(rules.approvals().size() + " approval rules");
        parts.add(rules.admins().size() + " admins");
        parts.add(rules.aliases().size() + " aliases");
        parts.add(rules.regions().size() + " channel regions");
        return String.join(", ", parts);
    }
}
