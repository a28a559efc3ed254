package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a person's account history, as the connection page shows it: what happened to their grant,
 * when, and a short detail (which error, which Google signal). Never a token, code or secret.
 *
 * <p>Successful refreshes are not entries: one an hour of use would soon push everything else out of a
 * bounded history. The credential's {@code updatedAt} tells when the tokens were last renewed.
 */
public record HistoryEntry(Instant at, Kind kind, Optional<String> detail) {
    public static final int MAX_DETAIL_LENGTH = 200;

    public enum Kind {
        /** The person granted access for the first time (or after a disconnect). */
        CONNECTED,
        /** The person went through consent again while a credential was stored. */
        RECONSENTED,
        /** Google refused the refresh token; the detail says why. */
        REFRESH_FAILED,
        /** A Workspace policy asks the person to sign in again ({@code invalid_rapt}); the grant stays. */
        REAUTHENTICATION_REQUIRED,
        /** The time-limited access the person granted (or the "Testing" client's 7 days) has ended. */
        TIME_LIMITED_ACCESS_ENDED,
        /** Google told us the grant was revoked; the detail names the signal. */
        REVOKED_BY_GOOGLE,
        /** Google told us to end the person's sessions; the detail names the signal. */
        SESSIONS_ENDED_BY_GOOGLE,
        /** Google reported the account hijacked: signing in is refused until Google enables it again. */
        SIGN_IN_SUSPENDED,
        /** Google enabled the account again: signing in works again. */
        SIGN_IN_RESUMED,
        /** The person disconnected the application. */
        DISCONNECTED
    }

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        // Details quote what Google answered: one line, and short enough for a page.
        detail = detail.map(text -> text.replaceAll("\\p{Cntrl}", " ").strip()).filter(text -> !text.isEmpty())
                .map(text -> text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH - 1) + "…");
    }

    public static HistoryEntry of(Instant at, Kind kind) {
        return new HistoryEntry(at, kind, Optional.empty());
    }

    public static HistoryEntry of(Instant at, Kind kind, String detail) {
        return new HistoryEntry(at, kind, Optional.of(detail));
    }
}
