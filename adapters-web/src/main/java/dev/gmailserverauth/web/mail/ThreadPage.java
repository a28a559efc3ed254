package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.web.shared.Chrome;
import java.util.List;
import java.util.Objects;

/** A conversation: its messages oldest first, the latest one open, the others folded; {@code backHref} is the list it was opened from. */
public record ThreadPage(Chrome chrome, String id, String subject, List<MessageView> messages, String backHref) {
    public ThreadPage {
        Objects.requireNonNull(backHref, "backHref");
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        messages = List.copyOf(messages);
    }

    /** Whether this message is the one shown open (the latest). */
    public boolean open(MessageView message) {
        return !messages.isEmpty() && messages.get(messages.size() - 1).equals(message);
    }
}
