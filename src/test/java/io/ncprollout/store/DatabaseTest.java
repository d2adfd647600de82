package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void open_embedded_createsTheFolderAndTheFile() {
        Path dataDir = tmp.resolve("not/yet/there");

        try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
            assertThat(dataDir.resolve("rollouts.mv.db")).exists();
            assertThat(database.description()).contains("DATA_DIR=" + dataDir);
        }
    }

    @Test
    void open_dataDirIsAFile_failsNamingDataDir() throws IOException {
        Path file = Files.writeString(tmp.resolve("data"), "not a folder");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(file))).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("DATA_DIR=" + file);
    }

    @Test
    void open_unreachablePostgres_failsNamingDatabaseUrlWithoutThePassword() {
        DatabaseSettings settings = new DatabaseSettings(Optional.of("jdbc:postgresql://127.0.0.1:1/rollout?user=bot&password=inurl"),
                Optional.empty(), Optional.of("invariable"), tmp);

        assertThatThrownBy(() -> Database.open(settings)).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("DATABASE_URL=jdbc:postgresql://127.0.0.1:1/rollout?user=bot&password=***")
                .hasMessageNotContaining("inurl").hasMessageNotContaining("invariable");
    }

    @Test
    void open_twice_migratesOnce() {
        Database.open(DatabaseSettings.embedded(tmp)).close();

        try (Database again = Database.open(DatabaseSettings.embedded(tmp))) {
            assertThat(new JdbcRolloutStore(again.dataSource(), LeaseClock.CALLER).active()).isEmpty();
        }
    }

    @Test
    void open_schemaNewerThanThisBuild_refusesToStartNamingBothVersions() throws Exception {
        // GIVEN a database a newer release migrated to version 99
        try (Database database = Database.open(DatabaseSettings.embedded(tmp));
                java.sql.Connection c = database.dataSource().getConnection();
                java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (installed_rank, version, description, type, script, checksum, installed_by,"
                    + " execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 1, 'newer', 1, TRUE)");
        }

        // WHEN this build opens it THEN it refuses, naming both versions
        assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(tmp))).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("at version 99").hasMessageContaining("newer than this build's 8");
    }
}
