package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.PartId;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.ThreadId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns request parameters into domain values through their validating constructors; whatever they
 * refuse becomes a {@link BadInput} carrying their message.
 */
public final class RequestValues {
    private RequestValues() {
    }

    public static SearchQuery search(FormData params) {
        return params.get("q").map(q -> validated(q, SearchQuery::new)).orElse(SearchQuery.ALL);
    }

    public static Optional<PageToken> pageToken(FormData params) {
        return params.get("pageToken").map(token -> validated(token, PageToken::new));
    }

    public static PageSize pageSize(FormData params, int fallback) {
        Optional<String> raw = params.get("maxResults");
        if (raw.isEmpty()) return new PageSize(fallback);
        String digits = raw.get();
        if (digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadInput("maxResults must be a whole number between 1 and " + PageSize.MAX);
        }
        return validated(Integer.parseInt(digits), PageSize::new);
    }

    public static Optional<EmailAddress> loginHint(FormData params) {
        try {
            return params.get("login_hint").map(EmailAddress::new);
        } catch (IllegalArgumentException e) {
            throw new BadInput("login_hint must be an email address: " + e.getMessage());
        }
    }

    /** {@code prompt=consent} asks for the consent screen; no other prompt value is accepted. */
    public static boolean forceConsent(FormData params) {
        Optional<String> prompt = params.get("prompt");
        if (prompt.isEmpty()) return false;
        if (!prompt.get().equals("consent")) throw new BadInput("prompt may only be \"consent\"");
        return true;
    }

    public static MessageId messageId(String raw) {
        return inAddress(raw, MessageId::new);
    }

    public static ThreadId threadId(String raw) {
        return inAddress(raw, ThreadId::new);
    }

    public static PartId partId(String raw) {
        return inAddress(raw, PartId::new);
    }

    /** An id from the path: one wording for every malformed one ({@link BadInput#MALFORMED_ADDRESS}). */
    private static <T> T inAddress(String raw, Function<String, T> constructor) {
        try {
            return constructor.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new BadInput(BadInput.MALFORMED_ADDRESS);
        }
    }

    /** {@code images=show}: the reader asked to load this message's remote images. Any other value is ignored. */
    public static boolean remoteImages(FormData params) {
        return params.get("images").filter("show"::equals).isPresent();
    }

    private static <I, T> T validated(I raw, Function<I, T> constructor) {
        try {
            return constructor.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }
}
