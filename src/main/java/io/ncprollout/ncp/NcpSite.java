package io.ncprollout.ncp;

import java.util.Locale;

/**
 * The NCP sites, each with its own API Gateway hosts for CDSS and SES (ncp-api.md §3).
 * The financial site's hosts come from the official Go SDK, not from a doc page.
 */
public enum NcpSite {
    PUBLIC("https://clouddatastreamingservice.apigw.ntruss.com", "https://vpcsearchengine.apigw.ntruss.com"),
    GOV("https://clouddatastreamingservice.apigw.gov-ntruss.com", "https://vpcsearchengine.apigw.gov-ntruss.com"),
    FIN("https://fin-clouddatastreamingservice.apigw.fin-ntruss.com", "https://fin-vpcsearchengine.apigw.fin-ntruss.com");

    private final String cdssHost;
    private final String sesHost;

    NcpSite(String cdssHost, String sesHost) {
        this.cdssHost = cdssHost;
        this.sesHost = sesHost;
    }

    /** Scheme and host of the CDSS gateway, without a path. */
    public String cdssHost() {
        return cdssHost;
    }

    /** Scheme and host of the SES gateway, without a path. */
    public String sesHost() {
        return sesHost;
    }

    /**
     * Parses {@code public}, {@code gov} or {@code fin}, in any case.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static NcpSite parse(String text) {
        for (NcpSite site : values()) {
            if (site.name().equalsIgnoreCase(text.trim())) {
                return site;
            }
        }
        throw new IllegalArgumentException("unknown NCP site '" + text + "' (expected public, gov or fin)");
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
