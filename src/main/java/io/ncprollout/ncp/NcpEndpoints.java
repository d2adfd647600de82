package io.ncprollout.ncp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the CDSS and SES APIs live: the site's gateway hosts unless overridden
 * ({@code NCP_CDSS_ENDPOINT}, {@code NCP_SES_ENDPOINT}), plus the region's path prefix.
 *
 * @param cdssHost scheme and host (and optional port) of the CDSS gateway, no trailing slash
 * @param sesHost  scheme and host (and optional port) of the SES gateway, no trailing slash
 */
public record NcpEndpoints(String cdssHost, String sesHost) {
    public NcpEndpoints {
        cdssHost = stripTrailingSlash(Objects.requireNonNull(cdssHost, "cdssHost == null"));
        sesHost = stripTrailingSlash(Objects.requireNonNull(sesHost, "sesHost == null"));
    }

    /** The site's public gateways. */
    public static NcpEndpoints of(NcpSite site) {
        return new NcpEndpoints(site.cdssHost(), site.sesHost());
    }

    /** The site's gateways, each replaced by its override when that is non-null and not blank. */
    public static NcpEndpoints of(NcpSite site, @Nullable String cdssOverride, @Nullable String sesOverride) {
        return new NcpEndpoints(
                cdssOverride == null || cdssOverride.isBlank() ? site.cdssHost() : cdssOverride.trim(),
                sesOverride == null || sesOverride.isBlank() ? site.sesHost() : sesOverride.trim());
    }

    /** Base URL of the CDSS API in {@code region}, e.g. {@code https://…ntruss.com/api/sgn-v1}. */
    public String cdssBase(NcpRegion region) {
        return cdssHost + region.cdssPrefix();
    }

    /** Base URL of the SES API in {@code region}, e.g. {@code https://…ntruss.com/api/v2}. */
    public String sesBase(NcpRegion region) {
        return sesHost + region.sesPrefix();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
