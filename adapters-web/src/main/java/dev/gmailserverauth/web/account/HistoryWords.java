package dev.gmailserverauth.web.account;

import dev.gmailserverauth.domain.model.HistoryEntry;

/** What each kind of history entry means to the person, in plain words. */
final class HistoryWords {
    private HistoryWords() {
    }

    static String of(HistoryEntry.Kind kind) {
        return switch (kind) {
            case CONNECTED -> "Connected: you granted access";
            case RECONSENTED -> "You granted access again";
            case REFRESH_FAILED -> "Google refused to renew the access";
            case REAUTHENTICATION_REQUIRED -> "Your organization asked you to sign in again";
            case TIME_LIMITED_ACCESS_ENDED -> "Your time-limited access ended";
            case REVOKED_BY_GOOGLE -> "Google revoked the access";
            case SESSIONS_ENDED_BY_GOOGLE -> "Google signed you out";
            case SIGN_IN_SUSPENDED -> "Sign-in suspended: Google reported the account hijacked";
            case SIGN_IN_RESUMED -> "Sign-in allowed again: Google restored the account";
            case DISCONNECTED -> "You disconnected the app";
        };
    }
}
