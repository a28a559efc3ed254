package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.web.shared.Chrome;
import java.util.Objects;

/** One message on its own page; {@code backHref} is the list it was opened from. */
public record MessagePage(Chrome chrome, MessageView message, String backHref) {
    public MessagePage {
        Objects.requireNonNull(backHref, "backHref");
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(message, "message");
    }
}
