package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Paging of messages.list and threads.list: {@code maxResults} (default 100, at most 500) and page tokens that
 * name the last item served, so that pages never repeat or skip an item even when mail arrives meanwhile.
 */
final class PageTokens {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;

    private PageTokens() {}

    /** Position of an item in newest-first order. */
    record PageKey(long millis, String id) implements Comparable<PageKey> {
        private static final Comparator<PageKey> ORDER = Comparator.comparingLong(PageKey::millis).thenComparing(PageKey::id);

        @Override public int compareTo(PageKey o) {
            return ORDER.compare(this, o);
        }

        /** Looks like Google's numeric page tokens: 13 digits of millis then the id as a decimal number. */
        String token() {
            return String.format("%013d", millis) + new BigInteger(id, 16);
        }

        static PageKey parse(String token) {
            if (!token.matches("\\d{14,33}")) throw invalidToken();
            BigInteger id = new BigInteger(token.substring(13));
            if (id.bitLength() > 64) throw invalidToken();
            return new PageKey(Long.parseLong(token.substring(0, 13)), String.format("%016x", id));
        }

        private static RejectedRequest invalidToken() {
            return new RejectedRequest(GoogleErrors.badRequest("Invalid pageToken", "pageToken"));
        }
    }

    /**
     * One page of a newest-first list.
     *
     * @param before how many items of the list came before this page
     * @param size the page size asked for
     */
    record Page<T>(List<T> items, Optional<String> nextToken, int before, int size) {
        Page {
            items = List.copyOf(items);
        }

        /**
         * {@code resultSizeEstimate} as the sandbox models Google's: exact when the whole result fits in the
         * first page; otherwise a look-ahead figure that tracks the page, not the true count: the items before
         * this page plus two pages plus one (201 for any first page of 100 with more behind it).
         */
        long resultSizeEstimate(int total) {
            boolean wholeResult = before == 0 && nextToken.isEmpty();
            return wholeResult ? total : (long) before + 2L * size + 1;
        }
    }

    /** The page the request's {@code pageToken} and {@code maxResults} ask for. */
    static <T> Page<T> page(ApiRequest request, List<T> newestFirst, Function<T, PageKey> key) {
        int size = maxResults(request);
        Optional<PageKey> after = request.queryParam("pageToken").filter(s -> !s.isBlank()).map(PageKey::parse);
        List<T> rest = after.map(a -> newestFirst.stream().filter(item -> key.apply(item).compareTo(a) < 0).toList())
                .orElse(newestFirst);
        List<T> items = rest.subList(0, Math.min(size, rest.size()));
        Optional<String> next = rest.size() > size ? Optional.of(key.apply(items.get(items.size() - 1)).token()) : Optional.empty();
        return new Page<>(items, next, newestFirst.size() - rest.size(), size);
    }

    private static int maxResults(ApiRequest request) {
        Optional<String> value = request.queryParam("maxResults");
        if (value.isEmpty()) return DEFAULT_PAGE;
        try {
            long n = Long.parseLong(value.get());
            if (n < 0) throw new NumberFormatException();
            return n == 0 ? DEFAULT_PAGE : (int) Math.min(n, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw new RejectedRequest(GoogleErrors.badRequest("Invalid value at 'max_results' (" + value.get() + ")", "maxResults"));
        }
    }
}
