package io.ncprollout.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the store lives: PostgreSQL when {@code DATABASE_URL} is set, else an H2 file under {@code DATA_DIR}.
 * PostgreSQL credentials come either in the URL ({@code ?user=…&password=…}) or from {@code DATABASE_USER} and
 * {@code DATABASE_PASSWORD}; the variables win over the URL. {@link #toString()} and {@link #describe()} mask the
 * password, so either may be logged.
 *
 * @param url      {@code DATABASE_URL}, a {@code jdbc:postgresql:} URL, when set
 * @param user     {@code DATABASE_USER}, when set
 * @param password {@code DATABASE_PASSWORD}, when set
 * @param dataDir  {@code DATA_DIR}: the folder of the embedded H2 file, used when {@code url} is empty
 */
public record DatabaseSettings(Optional<String> url, Optional<String> user, Optional<String> password, Path dataDir) {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    public DatabaseSettings {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(user, "user == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(dataDir, "dataDir == null");
    }

    /**
     * Settings from {@code BotConfig}'s {@code databaseUrl} and {@code dataDir}, and the credential variables of
     * {@code env} (blank counts as unset).
     */
    public static DatabaseSettings of(Optional<String> databaseUrl, String dataDir, Map<String, String> env) {
        return new DatabaseSettings(databaseUrl, nonBlank(env.get("DATABASE_USER")), nonBlank(env.get("DATABASE_PASSWORD")),
                Path.of(dataDir));
    }

    /** The embedded H2 file under {@code dataDir}. */
    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(Optional.empty(), Optional.empty(), Optional.empty(), dataDir);
    }

    private static Optional<String> nonBlank(@Nullable String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** True when the store is PostgreSQL, which several replicas may share. */
    public boolean isShared() {
        return url.isPresent();
    }

    /** Where the store is, for logs and error messages: the URL with any password masked, or the H2 file. */
    public String describe() {
        return url.map(u -> "PostgreSQL at DATABASE_URL=" + masked(u))
                .orElseGet(() -> "the embedded database in DATA_DIR=" + dataDir);
    }

    /** {@code url} with the password of a {@code password=} parameter or of {@code //user:password@} replaced by {@code ***}. */
    public static String masked(String url) {
        String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutParameter).replaceAll("$1***@");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + user.map(u -> ", DATABASE_USER=" + u).orElse("")
                + password.map(p -> ", DATABASE_PASSWORD=***").orElse("") + "]";
    }
}
