package dev.gmailserverauth.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of results, the token for the next page when there is one, and Gmail's size estimate. */
public record Page<T>(List<T> items, Optional<PageToken> nextPageToken, long resultSizeEstimate) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextPageToken, "nextPageToken");
        if (resultSizeEstimate < 0) throw new IllegalArgumentException("result size estimate is negative");
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), Optional.empty(), 0);
    }

    public boolean hasNext() {
        return nextPageToken.isPresent();
    }
}
