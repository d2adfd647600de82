package io.ncprollout.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Pure paging as the list calls document it: {@code pageNo} 1..N (default 1), {@code pageSize} 1..N
 * (default 10). A page past the end is empty, not an error.
 */
record Paging(int pageNo, int pageSize) {
    static final int DEFAULT_PAGE_SIZE = 10;

    Paging {
        if (pageNo < 1 || pageSize < 1) {
            throw new IllegalArgumentException("pageNo and pageSize must be at least 1");
        }
    }

    /**
     * Reads {@code pageNo} and {@code pageSize} as sent (body field or query parameter); null means
     * absent and takes the default. Empty when either is not a whole number from 1 (pageSize up to 1000).
     */
    static Optional<Paging> parse(@Nullable String pageNo, @Nullable String pageSize) {
        long no = pageNo == null ? 1 : wholeNumber(pageNo);
        long size = pageSize == null ? DEFAULT_PAGE_SIZE : wholeNumber(pageSize);
        if (no < 1 || size < 1 || no > Integer.MAX_VALUE || size > 1000) {
            return Optional.empty();
        }
        return Optional.of(new Paging((int) no, (int) size));
    }

    private static long wholeNumber(String text) {
        return text.trim().matches("\\d{1,10}") ? Long.parseLong(text.trim()) : -1;
    }

    /** The items of this page. */
    <T> List<T> slice(List<T> all) {
        long from = Math.min((long) (pageNo - 1) * pageSize, all.size());
        long to = Math.min(from + pageSize, all.size());
        return all.subList((int) from, (int) to);
    }

    /** Writes {@code currentPage, isFirst, isLast, pageSize, totalCount, totalPage} into {@code result}. */
    ObjectNode describe(ObjectNode result, int totalCount) {
        int totalPage = (totalCount + pageSize - 1) / pageSize;
        result.put("currentPage", pageNo);
        result.put("isFirst", pageNo == 1);
        result.put("isLast", pageNo >= totalPage);
        result.put("pageSize", pageSize);
        result.put("totalCount", totalCount);
        result.put("totalPage", totalPage);
        return result;
    }
}
