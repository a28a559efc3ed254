package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.web.shared.Chrome;
import java.util.Objects;

/** One message on its own page. */
public record MessagePage(Chrome chrome, MessageView message) {
    public MessagePage {
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(message, "message");
    }
}
