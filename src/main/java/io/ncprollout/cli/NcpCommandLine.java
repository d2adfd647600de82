package io.ncprollout.cli;

import io.ncprollout.config.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pure parser of {@code ncp [--region R] <service> <call> [args…]} into an {@link NcpQuery}.
 * Every mistake yields a {@link UsageException} whose message says what was wrong; the caller adds {@link #hint}.
 * A {@code <cluster>} is a name or a number; names are resolved by the caller.
 */
final class NcpCommandLine {
    /** The parameter that takes a cluster's name or its number. */
    static final String CLUSTER = "<cluster>";

    private NcpCommandLine() {
    }

    /**
     * @throws UsageException when the line names no known call, lacks or adds arguments, or has a
     *                        malformed option or a non-numeric cluster or version number
     */
    static NcpQuery parse(List<String> words) {
        Optional<String> region = Optional.empty();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--region")) {
                if (i + 1 >= words.size()) {
                    throw new UsageException("--region needs a value: kr, sgn, jpn or krs");
                }
                region = Optional.of(words.get(++i).toUpperCase(Locale.ROOT));
            } else if (word.startsWith("--region=")) {
                region = Optional.of(word.substring("--region=".length()).toUpperCase(Locale.ROOT));
            } else if (word.startsWith("--")) {
                throw new UsageException("unknown option " + word);
            } else {
                positional.add(word);
            }
        }
        if (positional.size() < 2) {
            throw new UsageException("name a service and a call, e.g. 'cdss list'");
        }
        String service = positional.get(0).toLowerCase(Locale.ROOT);
        String verb = positional.get(1).toLowerCase(Locale.ROOT);
        NcpCall call = NcpCall.find(service, verb).orElseThrow(() -> new UsageException("unknown call '" + service + " " + verb + "'"
                + DidYouMean.closest(service + " " + verb, java.util.Arrays.stream(NcpCall.values()).map(c -> c.service() + " " + c.verb()).toList())
                        .map(c -> " — did you mean '" + c + "'?").orElse("")));
        List<String> args = positional.subList(2, positional.size());
        if (args.size() != call.params().size()) {
            throw new UsageException("'" + service + " " + verb + "' takes " + call.params().size()
                    + " argument(s): " + call.synopsis());
        }
        for (int i = 0; i < args.size(); i++) {
            boolean cluster = call.params().get(i).equals(CLUSTER);
            if (cluster ? !args.get(i).matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}") : !args.get(i).matches("\\d{1,18}")) {
                throw new UsageException(call.params().get(i) + (cluster ? " must be a cluster name or number" : " must be a number")
                        + ", not '" + args.get(i) + "'");
            }
        }
        return new NcpQuery(call, region, args);
    }

    /** What follows an error: the call's own synopsis when known, and where the full list is (printed once, by 'ncp help'). */
    static String hint(List<String> words) {
        List<String> positional = words.stream().filter(w -> !w.startsWith("--")).toList();
        return (positional.size() >= 2 ? NcpCall.find(positional.get(0).toLowerCase(Locale.ROOT), positional.get(1).toLowerCase(Locale.ROOT))
                .map(c -> "usage: ncp-rollout-bot ncp [--region kr|sgn|jpn|krs] " + c.synopsis() + "\n").orElse("") : "")
                + "'ncp help' lists every call.\n";
    }

    static String usage() {
        StringBuilder text = new StringBuilder("usage: ncp-rollout-bot ncp [--region kr|sgn|jpn|krs] <call>\n\n")
                .append("Read-only calls to the configured NCP API, printed as JSON (NCP_ACCESS_KEY / NCP_SECRET_KEY;\n")
                .append("without keys the embedded simulator answers). Calls:\n");
        for (NcpCall call : NcpCall.values()) {
            text.append(String.format("  %-62s %s%n", call.synopsis(), call.description()));
        }
        return text.toString();
    }

    /** A command line that cannot be run as typed. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
