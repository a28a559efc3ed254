package dev.gmailserverauth.web;

import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The URLs pages link to. Internal ones are built here from validated values; the only external one is
 * the provider's consent URL, from the use cases, never from the request.
 */
final class Links {
    static final String MESSAGES = "/messages";

    private Links() {
    }

    static String messages(SearchQuery query, Optional<PageToken> pageToken, Optional<Integer> maxResults) {
        List<String> params = new ArrayList<>();
        if (!query.isEmpty()) params.add("q=" + encode(query.value()));
        pageToken.ifPresent(token -> params.add("pageToken=" + encode(token.value())));
        maxResults.ifPresent(size -> params.add("maxResults=" + size));
        return params.isEmpty() ? MESSAGES : MESSAGES + "?" + String.join("&", params);
    }

    static String message(MessageId id) {
        return MESSAGES + "/" + id.value();
    }

    /** The consent URL, refused unless it is http(s), so a page can never carry a {@code javascript:} link. */
    static String consent(AuthorizationUrl url) {
        String scheme = url.value().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) throw new IllegalStateException("authorization URL is not http(s)");
        return url.value().toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
