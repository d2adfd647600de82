package io.ncprollout.sim;

import io.ncprollout.ncp.NcpRegion;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Pure: maps a method and raw path to a route. The path must start with a region prefix of the
 * route's service ({@link NcpRegion#cdssPrefix()} for Kafka, {@link NcpRegion#sesPrefix()} for
 * OpenSearch); a known path with the wrong method does not match (the gateway answers 404 to both).
 */
final class Router {
    /** A resolved call. */
    record Match(Route route, NcpRegion region, String pathParam) {
    }

    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Optional<Match> resolve(String method, String rawPath) {
        for (NcpRegion region : NcpRegion.values()) {
            for (ClusterSpec.Service service : ClusterSpec.Service.values()) {
                String prefix = service == ClusterSpec.Service.KAFKA ? region.cdssPrefix() : region.sesPrefix();
                if (rawPath.startsWith(prefix + "/")) {
                    return resolve(method, service, region, rawPath.substring(prefix.length()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Match> resolve(String method, ClusterSpec.Service service, NcpRegion region, String rest) {
        for (Route route : routes) {
            if (route.service() != service || !route.method().equals(method)) {
                continue;
            }
            Matcher m = route.path().matcher(rest);
            if (m.matches()) {
                return Optional.of(new Match(route, region, m.groupCount() > 0 ? m.group(1) : ""));
            }
        }
        return Optional.empty();
    }
}
