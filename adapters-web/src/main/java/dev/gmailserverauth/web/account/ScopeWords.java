package dev.gmailserverauth.web.account;

import dev.gmailserverauth.domain.model.Scope;
import java.util.Map;

/**
 * What a granted scope allows, in the words of Google's consent screen rather than its URL (which breaks
 * mid-word on a phone); an unknown scope is shown by its last path segment.
 */
final class ScopeWords {
    private static final Map<Scope, String> WORDS = Map.of(
            Scope.GMAIL_READONLY, "Read your mail: messages, conversations, labels and attachments",
            Scope.GMAIL_MODIFY, "Read, compose and send your mail, and change its labels",
            Scope.GMAIL_FULL, "Read, compose, send and permanently delete all your mail",
            Scope.USERINFO_EMAIL, "See your email address",
            Scope.USERINFO_PROFILE, "See your name and profile picture",
            new Scope("openid"), "Know who you are on Google");

    private ScopeWords() {
    }

    static String of(Scope scope) {
        String words = WORDS.get(scope);
        if (words != null) return words;
        String value = scope.value();
        return value.substring(value.lastIndexOf('/', value.length() - 2) + 1);
    }
}
