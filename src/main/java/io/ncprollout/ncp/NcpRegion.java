package io.ncprollout.ncp;

import java.util.Locale;

/**
 * The regions the bot can address, and their API path prefixes (ncp-api.md §0 and §3): KR uses
 * {@code /api/v1} (CDSS) and {@code /api/v2} (SES); every other region {@code /api/<code>-v1} and
 * {@code /api/<code>-v2}. KRS is the gov site's southern region.
 */
public enum NcpRegion {
    KR, SGN, JPN, KRS;

    /** Path prefix of the CDSS API in this region, e.g. {@code /api/sgn-v1}. */
    public String cdssPrefix() {
        return this == KR ? "/api/v1" : "/api/" + code() + "-v1";
    }

    /** Path prefix of the SES API in this region, e.g. {@code /api/sgn-v2}. */
    public String sesPrefix() {
        return this == KR ? "/api/v2" : "/api/" + code() + "-v2";
    }

    /** Lower-case code as used in paths and in the {@code --region} option. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a region code in any case ({@code kr}, {@code SGN}, …).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static NcpRegion parse(String text) {
        for (NcpRegion region : values()) {
            if (region.name().equalsIgnoreCase(text.trim())) {
                return region;
            }
        }
        throw new IllegalArgumentException("unknown NCP region '" + text + "' (expected kr, sgn, jpn or krs)");
    }
}
