package io.ncprollout.cli;

import io.ncprollout.ncp.NcpRegion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Pure: which cluster a typed {@code <cluster>} means in a region's list (by number, or by name in any case), and,
 * when it is not there, a sentence saying in which other region it is, so that nobody is left guessing whether the
 * number was wrong or the region.
 */
final class ClusterLookup {
    /** A cluster as the list shows it. */
    record Listed(String number, String name) {
    }

    private ClusterLookup() {
    }

    static Optional<Listed> find(List<Listed> clusters, String typed) {
        return clusters.stream().filter(c -> c.number().equals(typed)).findFirst()
                .or(() -> clusters.stream().filter(c -> c.name() != null && c.name().equalsIgnoreCase(typed)).findFirst());
    }

    /**
     * @param service   {@code cdss} or {@code ses}
     * @param elsewhere what the other regions' lists hold under that name or number (regions that could not be read are
     *                  left out)
     */
    static String notFound(String service, String typed, NcpRegion region, Map<NcpRegion, Optional<Listed>> elsewhere) {
        String what = (service.equals("cdss") ? "Kafka (CDSS)" : "OpenSearch (SES)") + " cluster '" + typed + "'";
        Optional<Map.Entry<NcpRegion, Listed>> other = elsewhere.entrySet().stream().filter(e -> e.getValue().isPresent())
                .map(e -> Map.entry(e.getKey(), e.getValue().get())).findFirst();
        if (other.isPresent()) {
            NcpRegion in = other.get().getKey();
            Listed c = other.get().getValue();
            return "there is no " + what + " in " + region + "; " + c.name() + " (" + c.number() + ") is in " + in
                    + ": add --region " + in.name().toLowerCase(Locale.ROOT);
        }
        return "there is no " + what + " in " + region + " nor in any other region this account can read; '"
                + service + " list' shows the clusters";
    }
}
