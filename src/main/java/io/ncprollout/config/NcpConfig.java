package io.ncprollout.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The NCP part of the environment (DESIGN.md, "Configuration contract"): keys, site, region and
 * gateway overrides. Pure: built from a map so tests need no real environment.
 *
 * <p>With neither key set the embedded simulator serves ({@link #useSimulator()}). One key without
 * the other is an error rather than a silent fall-back, because an operator who set one meant to
 * reach the real API.
 *
 * @param accessKey    {@code NCP_ACCESS_KEY}, empty when the simulator serves
 * @param secretKey    {@code NCP_SECRET_KEY}, empty when the simulator serves; never printed
 * @param site         {@code public}, {@code gov} or {@code fin}
 * @param region       {@code KR}, {@code SGN}, {@code JPN} or {@code KRS}
 * @param cdssEndpoint {@code NCP_CDSS_ENDPOINT}: scheme and host overriding the site's CDSS gateway
 * @param sesEndpoint  {@code NCP_SES_ENDPOINT}: scheme and host overriding the site's SES gateway
 * @param maxRequestsPerSecond {@code NCP_MAX_REQUESTS_PER_SECOND}: global cap on NCP requests, default
 *                     {@value #DEFAULT_MAX_REQUESTS_PER_SECOND}
 */
public record NcpConfig(
        Optional<String> accessKey,
        Optional<String> secretKey,
        String site,
        String region,
        Optional<String> cdssEndpoint,
        Optional<String> sesEndpoint,
        double maxRequestsPerSecond) {

    /** The default of {@code NCP_MAX_REQUESTS_PER_SECOND} (see {@code NcpClientSettings.DEFAULT_MAX_REQUESTS_PER_SECOND}). */
    public static final double DEFAULT_MAX_REQUESTS_PER_SECOND = 20;

    private static final Map<String, Set<String>> REGIONS_BY_SITE = Map.of(
            "public", Set.of("KR", "SGN", "JPN"),
            "gov", Set.of("KR", "KRS"),
            "fin", Set.of("KR"));

    /**
     * Reads and checks the NCP variables.
     *
     * @throws ConfigException listing every invalid variable
     */
    public static NcpConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Optional<String> accessKey = EnvValues.nonBlank(env, "NCP_ACCESS_KEY");
        Optional<String> secretKey = EnvValues.nonBlank(env, "NCP_SECRET_KEY");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            String missing = accessKey.isPresent() ? "NCP_SECRET_KEY" : "NCP_ACCESS_KEY";
            problems.add(missing + " is missing: set both NCP keys to use the real API, or neither to use the simulator");
        }
        String site = EnvValues.nonBlank(env, "NCP_SITE").orElse("public").toLowerCase(Locale.ROOT);
        if (!REGIONS_BY_SITE.containsKey(site)) {
            problems.add("NCP_SITE='" + site + "' is not a site: use public, gov or fin");
        }
        String region = EnvValues.nonBlank(env, "NCP_REGION").orElse("KR").toUpperCase(Locale.ROOT);
        if (!Set.of("KR", "SGN", "JPN", "KRS").contains(region)) {
            problems.add("NCP_REGION='" + region + "' is not a region: use KR, SGN, JPN or KRS");
        } else if (REGIONS_BY_SITE.containsKey(site) && !REGIONS_BY_SITE.get(site).contains(region)) {
            problems.add("NCP_REGION=" + region + " does not exist on the " + site + " site: use one of "
                    + String.join(", ", REGIONS_BY_SITE.get(site).stream().sorted().toList()));
        }
        Optional<String> cdss = endpoint(env, "NCP_CDSS_ENDPOINT", problems);
        Optional<String> ses = endpoint(env, "NCP_SES_ENDPOINT", problems);
        double maxRate = maxRequestsPerSecond(env, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new NcpConfig(accessKey, secretKey, site, region, cdss, ses, maxRate);
    }

    /** True when no NCP keys are configured and the embedded simulator stands in for the API. */
    public boolean useSimulator() {
        return accessKey.isEmpty();
    }

    @Override
    public String toString() {
        return "NcpConfig[accessKey=" + accessKey.orElse("<none>") + ", secretKey=" + (secretKey.isPresent() ? "***" : "<none>")
                + ", site=" + site + ", region=" + region + ", cdssEndpoint=" + cdssEndpoint.orElse("<site default>")
                + ", sesEndpoint=" + sesEndpoint.orElse("<site default>") + ", maxRequestsPerSecond=" + maxRequestsPerSecond + "]";
    }

    private static double maxRequestsPerSecond(Map<String, String> env, List<String> problems) {
        Optional<String> text = EnvValues.nonBlank(env, "NCP_MAX_REQUESTS_PER_SECOND");
        if (text.isEmpty()) {
            return DEFAULT_MAX_REQUESTS_PER_SECOND;
        }
        try {
            double rate = Double.parseDouble(text.get());
            if (rate > 0 && rate <= 10_000) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("NCP_MAX_REQUESTS_PER_SECOND='" + text.get() + "' must be a number of requests per second above 0 and at most 10000");
        return DEFAULT_MAX_REQUESTS_PER_SECOND;
    }

    private static Optional<String> endpoint(Map<String, String> env, String name, List<String> problems) {
        Optional<String> value = EnvValues.nonBlank(env, name);
        if (value.isEmpty()) {
            return value;
        }
        try {
            URI uri = new URI(value.get());
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath());
            if (!http || uri.getHost() == null || !bare || uri.getRawQuery() != null) {
                problems.add(name + "='" + value.get() + "' must be a scheme and host such as http://127.0.0.1:8089"
                        + " (the bot adds the region's path prefix, e.g. /api/v1)");
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(name + "='" + value.get() + "' is not a URL: " + e.getReason());
        }
        return value;
    }
}
