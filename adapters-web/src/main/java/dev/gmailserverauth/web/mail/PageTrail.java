package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.web.shared.BadInput;
import dev.gmailserverauth.web.shared.FormData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a page of the message list stands among the pages the person came through, so that it can offer "Previous": Gmail's
 * page tokens only lead forward, so the list's address carries them back. {@code page} is this page's number (2 or more; the
 * first page has no token and carries nothing); {@code earlier} are the tokens of the pages just before it, oldest first, at
 * most {@link #MAX_EARLIER}: from deeper pages the oldest fall off, and "Previous" stops where the trail ends ("First page"
 * always works). A page reached by a bare {@code pageToken} (an older link, the API) has no known place and no "Previous".
 * The address holds nothing the person could not have followed: each token was one Gmail handed out for this search.
 */
record PageTrail(Optional<Integer> page, List<PageToken> earlier) {
    /** Earlier pages the address keeps; about 20 characters a token, so at most some 500 characters of address. */
    static final int MAX_EARLIER = 20;
    /** Deepest page number accepted (a mailbox of 50 million messages at 500 a page). */
    static final int MAX_PAGE = 100_000;
    static final String PAGE = "page";
    static final String TRAIL = "trail";
    /** The first page, or a page whose place is not known: no parameters, no "Previous". */
    static final PageTrail NONE = new PageTrail(Optional.empty(), List.of());

    PageTrail {
        Objects.requireNonNull(page, "page");
        earlier = List.copyOf(earlier);
        if (page.isPresent() && (page.get() < 2 || page.get() > MAX_PAGE)) throw new IllegalArgumentException("page is out of range");
        if (earlier.size() > MAX_EARLIER) throw new IllegalArgumentException("trail is too long");
        if (page.isEmpty() && !earlier.isEmpty()) throw new IllegalArgumentException("a trail needs a page number");
        if (page.isPresent() && earlier.size() > page.get() - 2) throw new IllegalArgumentException("the trail is longer than the pages before");
    }

    /** The trail of a list request; anything hostile, oversized or inconsistent is a {@link BadInput} (400). */
    static PageTrail parse(FormData params, boolean hasPageToken) {
        Optional<String> page = params.get(PAGE);
        Optional<String> trail = params.get(TRAIL);
        if (page.isEmpty() && trail.isEmpty()) return NONE;
        if (!hasPageToken) throw new BadInput("page and trail go only with a pageToken");
        if (page.isEmpty()) throw new BadInput("a trail needs a page number");
        String digits = page.get();
        if (digits.length() > 6 || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(digits) < 2
                || Integer.parseInt(digits) > MAX_PAGE) {
            throw new BadInput("page must be a whole number between 2 and " + MAX_PAGE);
        }
        List<PageToken> tokens = new ArrayList<>();
        for (String raw : trail.map(t -> t.split(" ", -1)).orElse(new String[0])) {
            if (tokens.size() == MAX_EARLIER) throw new BadInput("the trail of earlier pages is too long (at most " + MAX_EARLIER + ")");
            try {
                tokens.add(new PageToken(raw));
            } catch (IllegalArgumentException e) {
                throw new BadInput("the trail of earlier pages holds a malformed page token");
            }
        }
        try {
            return new PageTrail(Optional.of(Integer.parseInt(digits)), tokens);
        } catch (IllegalArgumentException e) {
            throw new BadInput("the page number and the trail of earlier pages do not fit together: " + e.getMessage());
        }
    }

    /** The trail of the next page, when this page's own token is {@code current} (empty on the first page). */
    PageTrail next(Optional<PageToken> current) {
        if (current.isEmpty()) return new PageTrail(Optional.of(2), List.of());
        if (page.isEmpty()) return NONE;
        List<PageToken> longer = new ArrayList<>(earlier);
        longer.add(current.get());
        int page = this.page.get() + 1;
        if (page > MAX_PAGE) return NONE;
        return new PageTrail(Optional.of(page), longer.subList(Math.max(0, longer.size() - MAX_EARLIER), longer.size()));
    }

    /** The page before this one: its token (none for the first page) and its trail; empty when the trail does not reach it. */
    Optional<Step> previous() {
        if (page.isEmpty()) return Optional.empty();
        if (page.get() == 2) return Optional.of(new Step(Optional.empty(), NONE));
        if (earlier.isEmpty()) return Optional.empty();
        PageToken token = earlier.get(earlier.size() - 1);
        return Optional.of(new Step(Optional.of(token), new PageTrail(Optional.of(page.get() - 1), earlier.subList(0, earlier.size() - 1))));
    }

    /** The query parameters that carry this trail, in order, by name, not yet encoded. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        page.ifPresent(number -> parameters.put(PAGE, String.valueOf(number)));
        if (!earlier.isEmpty()) parameters.put(TRAIL, String.join(" ", earlier.stream().map(PageToken::value).toList()));
        return parameters;
    }

    /** A page of the list: its token and its trail. */
    record Step(Optional<PageToken> token, PageTrail trail) {
        Step {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(trail, "trail");
        }
    }
}
