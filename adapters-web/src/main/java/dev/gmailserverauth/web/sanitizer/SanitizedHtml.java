package dev.gmailserverauth.web.sanitizer;

import java.util.Objects;

/**
 * A mail's HTML made safe: a whole document for the message frame. {@code blockedRemote} counts the
 * remote images and style sheet URLs left out (a "show images" action is worth offering when it is
 * above zero); {@code shown} says how much of the mail it holds.
 */
public record SanitizedHtml(String document, int blockedRemote, Shown shown) {

    /** How much of the mail's HTML the document shows. */
    public enum Shown {
        /** All of it. */
        WHOLE,
        /** The first {@link MailHtmlSanitizer#MAX_CHARS} characters. */
        CUT_AT_SIZE_CAP,
        /** Its text only: it has more than {@link MailHtmlSanitizer#MAX_ELEMENTS} elements. */
        AS_TEXT
    }

    public SanitizedHtml {
        Objects.requireNonNull(document, "document");
        if (blockedRemote < 0) throw new IllegalArgumentException("blockedRemote is negative");
        Objects.requireNonNull(shown, "shown");
    }
}
