package io.ncprollout.sim;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One endpoint: method, path after the region prefix (with at most one {@code {no}} parameter), and
 * what the gateway needs to know about it.
 *
 * @param read true for calls that change nothing (the read-failure fault only hits these)
 * @param readsBody true when the handler reads a JSON body (unparseable JSON is then HTTP 400)
 */
record Route(String method, ClusterSpec.Service service, String template, Pattern path, boolean read,
             boolean readsBody, Handler handler) {

    /** Answers a routed call; runs under no lock of its own. */
    @FunctionalInterface
    interface Handler {
        Reply handle(SimRequest request);
    }

    Route {
        Objects.requireNonNull(handler, "handler == null");
    }

    static Route of(String method, ClusterSpec.Service service, String template, boolean read, Handler handler) {
        Pattern path = Pattern.compile(Pattern.quote(template).replace("{no}", "\\E([^/]+)\\Q"));
        return new Route(method, service, template, path, read, method.equals("POST"), handler);
    }
}
