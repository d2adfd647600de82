package io.ncprollout.cli;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed {@code ncp} command line: which read-only call to make, in which region, with which arguments.
 *
 * @param call   the call, e.g. {@link NcpCall#CDSS_STATUS}
 * @param region the {@code --region} option, upper case, when given
 * @param args   the positional arguments after the call's two words, as typed
 */
record NcpQuery(NcpCall call, Optional<String> region, List<String> args) {
    NcpQuery {
        Objects.requireNonNull(call, "call == null");
        args = List.copyOf(args);
    }

    String arg(int index) {
        return args.get(index);
    }
}
