package io.ncprollout.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store: with {@code DATABASE_URL} set, not checked yet (WARN); otherwise {@code DATA_DIR} must be a writable
 * directory, or not exist yet under a writable parent (the bot creates it). Changes nothing on disk.
 */
public final class DataDirCheck {
    static final String NAME = "store";

    private final Path dataDir;
    private final Optional<String> databaseUrl;

    public DataDirCheck(Path dataDir, Optional<String> databaseUrl) {
        this.dataDir = dataDir;
        this.databaseUrl = databaseUrl;
    }

    public CheckResult run() {
        if (databaseUrl.isPresent()) {
            return CheckResult.warn(NAME, "DATABASE_URL is set; this version does not check PostgreSQL yet",
                    "check that the database accepts connections from this host");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        if (Files.isDirectory(dir)) {
            return Files.isWritable(dir) ? CheckResult.ok(NAME, "DATA_DIR " + dir + " is a writable directory")
                    : CheckResult.fail(NAME, "DATA_DIR " + dir + " is not writable", "give the bot's user write access, e.g. chown");
        }
        if (Files.exists(dir)) {
            return CheckResult.fail(NAME, "DATA_DIR " + dir + " exists and is not a directory", "point DATA_DIR at a directory");
        }
        Path parent = dir.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent != null && Files.isDirectory(parent) && Files.isWritable(parent)) {
            return CheckResult.ok(NAME, "DATA_DIR " + dir + " does not exist yet; it can be created under " + parent);
        }
        return CheckResult.fail(NAME, "DATA_DIR " + dir + " does not exist and cannot be created",
                "create it and make it writable by the bot's user, or set DATA_DIR elsewhere");
    }
}
