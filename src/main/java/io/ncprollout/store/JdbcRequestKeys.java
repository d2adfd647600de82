package io.ncprollout.store;

import io.ncprollout.rollout.RequestKeys;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** {@link RequestKeys} in the {@code request_keys} table (schema in {@code V4__request_keys.sql}): its primary key decides. */
public final class JdbcRequestKeys implements RequestKeys {
    private final Jdbc jdbc;

    public JdbcRequestKeys(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean claim(String key, Instant at) {
        return jdbc.autocommit("record request " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO request_keys (request_key, created_at) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setObject(2, Jdbc.timestamp(at));
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }
}
