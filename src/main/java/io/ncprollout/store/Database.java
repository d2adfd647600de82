package io.ncprollout.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opened store database: a small connection pool over PostgreSQL or the embedded H2 file, its schema
 * migrated by Flyway ({@code src/main/resources/db/migration}). Close it on shutdown.
 *
 * <p>The H2 file is {@code DATA_DIR/rollouts.mv.db}, opened in PostgreSQL mode so that one set of migrations
 * serves both. Only one process can open it at a time; for several replicas use PostgreSQL.
 *
 * <p>A schema newer than this build's migrations (a newer release migrated it) is refused, not merely warned about:
 * during a rolling deploy an older replica must never write rows a newer schema reads differently.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int POOL_SIZE = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HikariDataSource pool;
    private final String description;
    private final boolean embedded;

    private Database(HikariDataSource pool, String description, boolean embedded) {
        this.pool = pool;
        this.description = description;
        this.embedded = embedded;
    }

    /**
     * Connects and brings the schema up to date.
     *
     * @throws DatabaseException naming {@code DATABASE_URL} or {@code DATA_DIR}, with the password masked, when the
     *                           folder cannot be created, the database cannot be reached, or a migration fails
     */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings == null");
        String description = settings.describe();
        HikariConfig config = new HikariConfig();
        config.setPoolName("rollout-store");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        if (settings.url().isPresent()) {
            config.setJdbcUrl(settings.url().get());
            settings.user().ifPresent(config::setUsername);
            settings.password().ifPresent(config::setPassword);
        } else {
            config.setJdbcUrl(h2Url(settings.dataDir()));
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot connect to " + description + ": " + rootMessage(e, settings), e);
        }
        try {
            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration").failOnMissingLocations(true).load();
            refuseNewerSchema(flyway.info(), description);
            flyway.migrate();
        } catch (DatabaseException e) {
            pool.close();
            throw e;
        } catch (RuntimeException e) {
            pool.close();
            throw new DatabaseException("cannot migrate the schema of " + description + ": " + rootMessage(e, settings), e);
        }
        log.info("store: {}", description);
        return new Database(pool, description, settings.url().isEmpty());
    }

    /**
     * @throws DatabaseException naming both versions when the database has a migration applied that is newer than
     *                           every migration this build has
     */
    private static void refuseNewerSchema(MigrationInfoService info, String description) {
        Optional<MigrationVersion> applied = Arrays.stream(info.applied()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        Optional<MigrationVersion> known = Arrays.stream(info.all()).filter(m -> m.getState().isResolved()).map(MigrationInfo::getVersion)
                .filter(Objects::nonNull).max(Comparator.naturalOrder());
        if (applied.isPresent() && known.isPresent() && applied.get().compareTo(known.get()) > 0) {
            throw new DatabaseException("the schema of " + description + " is at version " + applied.get() + ", newer than this build's "
                    + known.get() + ": a newer release of the bot migrated it. Run that release or a later one; an older bot refuses to"
                    + " write to a newer schema.", null);
        }
    }

    private static String h2Url(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DatabaseException("DATA_DIR=" + dataDir + " cannot be created: " + e, e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new DatabaseException("DATA_DIR=" + dataDir + " is not writable", null);
        }
        // LOCK_TIMEOUT: concurrent claims on one cluster wait for each other instead of failing after H2's default 1s.
        // WRITE_DELAY=0: H2's MVStore otherwise writes committed transactions to the file in the background, up to
        // 500 ms later, so a commit would not survive the process being killed; with 0 every commit is in the file
        // (the operating system's cache) before it returns. DurableCommitIT kills a JVM right after commits to prove it.
        // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database under a start still being drained
        // on SIGTERM; the bot closes it itself, last.
        // file:async: H2 writes through an AsynchronousFileChannel, which an interrupted thread does not close: with
        // plain file: (a FileChannel), a commit on a thread interrupted during shutdown closed the whole database.
        return "jdbc:h2:file:async:" + dataDir.toAbsolutePath().resolve("rollouts")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static String rootMessage(Throwable e, DatabaseSettings settings) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        // drivers may echo the URL or the password back; never let the password through
        for (String url : settings.url().stream().toList()) {
            message = message.replace(url, DatabaseSettings.masked(url));
        }
        for (String password : settings.password().stream().toList()) {
            message = message.replace(password, "***");
        }
        return message;
    }

    /** The pooled connections; valid until {@link #close()}. */
    public DataSource dataSource() {
        return pool;
    }

    /** True for the embedded H2 file, which one process has to itself; false for PostgreSQL. */
    public boolean embedded() {
        return embedded;
    }

    /** Where the store is, password masked: for the startup log. */
    public String description() {
        return description;
    }

    /** Closes every pooled connection; the H2 file is closed with its last connection. */
    @Override
    public void close() {
        pool.close();
    }
}
