package io.ncprollout.health;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach an OpenSearch cluster's REST API.
 *
 * @param endpoints the base URIs to try in order ({@code https://10.0.0.5:9200})
 * @param username  HTTP basic user, if any
 * @param password  HTTP basic password, if any; never shown by {@link #toString()}
 * @param caFile    a PEM file of the certificate authorities to trust (a private CA), else the JVM's own
 * @param timeout   the most one endpoint's call may take
 */
public record SearchTarget(List<URI> endpoints, Optional<String> username, Optional<String> password, Optional<Path> caFile, Duration timeout) {
    public SearchTarget {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(username, "username == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(caFile, "caFile == null");
        Objects.requireNonNull(timeout, "timeout == null");
    }

    @Override
    public String toString() {
        return "SearchTarget[endpoints=" + endpoints + ", username=" + username.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-")
                + ", caFile=" + caFile.map(Path::toString).orElse("-") + ", timeout=" + timeout + "]";
    }
}
