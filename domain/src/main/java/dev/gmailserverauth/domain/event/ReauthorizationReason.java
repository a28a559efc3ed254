package dev.gmailserverauth.domain.event;

/** Why a grant stopped working, in {@code account.reauthorization_required}. */
public enum ReauthorizationReason {
    /** A refresh was answered {@code invalid_grant}: the person or an administrator revoked access, or the token lapsed. */
    REVOKED("revoked"),
    /** A refresh was answered {@code invalid_rapt}: a Workspace policy wants the person to sign in again; the grant stays. */
    REAUTHENTICATION("reauthentication"),
    /** The end Google announced for a time-limited grant ({@code refresh_token_expires_in}) came. */
    TIME_LIMITED_END("time_limited_end"),
    /** Google's Cross-Account Protection reported a security event that ended the grant. */
    SECURITY_EVENT("security_event");

    private final String wireName;

    ReauthorizationReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
