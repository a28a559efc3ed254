package dev.gmailserverauth.web.mail;

import java.util.List;
import java.util.Objects;

/**
 * One message as the reader sees it, on its own page or in its conversation: who sent it when, its
 * marks (unread, starred), its labels by name, its body and its files.
 */
public record MessageView(String id, String href, String threadHref, String subject, String fromName, String fromHeader,
        List<HeaderLine> headers, String date, boolean unread, boolean starred, List<String> labels, String snippet, BodyView body,
        List<AttachmentLink> attachments) {

    public MessageView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(threadHref, "threadHref");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(fromHeader, "fromHeader");
        headers = List.copyOf(headers);
        Objects.requireNonNull(date, "date");
        labels = List.copyOf(labels);
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
    }
}
