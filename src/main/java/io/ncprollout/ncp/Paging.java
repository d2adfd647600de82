package io.ncprollout.ncp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** Walks NCP's numbered pages (1, 2, …) until the last one, with a hard bound on the page count. */
final class Paging {
    /** Items requested per page; NCP follows its own {@code isLast}/{@code totalPage} if it caps this. */
    static final int PAGE_SIZE = 50;
    /** More pages than this means NCP never reports an end; fail rather than loop forever. */
    static final int MAX_PAGES = 1000;

    private Paging() {}

    /** What one page says about itself. */
    record Page<T>(List<T> items, @Nullable Boolean isLast, @Nullable Integer currentPage,
            @Nullable Integer totalPage) {
        /** Last when NCP says so, when {@code currentPage >= totalPage}, or when the page is empty. */
        boolean isFinal() {
            return items.isEmpty() || Boolean.TRUE.equals(isLast)
                    || (currentPage != null && totalPage != null && currentPage >= totalPage);
        }
    }

    /**
     * Fetches pages 1, 2, … with {@code fetch} and concatenates their items.
     *
     * @throws NcpApiException whatever {@code fetch} throws, or {@code MALFORMED_RESPONSE} after
     *                         {@value #MAX_PAGES} pages without an end
     */
    static <T> List<T> collectAll(String operation, IntFunction<Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        for (int pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
            Page<T> page = fetch.apply(pageNo);
            all.addAll(page.items());
            if (page.isFinal()) {
                return List.copyOf(all);
            }
        }
        throw new NcpApiException(NcpErrorKind.MALFORMED_RESPONSE, operation,
                ErrorDetails.noResponse("no last page after " + MAX_PAGES + " pages"), null);
    }
}
