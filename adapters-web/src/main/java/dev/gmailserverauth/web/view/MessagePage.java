package dev.gmailserverauth.web.view;

import java.util.List;
import java.util.Objects;

/**
 * One message. {@code body} is plain text, always escaped when rendered; {@code bodyNote} says when it
 * was derived from an HTML part.
 */
public record MessagePage(Chrome chrome, String id, String subject, List<HeaderLine> headers, String date, List<String> labels,
        String body, String bodyNote) {

    public MessagePage {
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        headers = List.copyOf(headers);
        Objects.requireNonNull(date, "date");
        labels = List.copyOf(labels);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodyNote, "bodyNote");
    }
}
