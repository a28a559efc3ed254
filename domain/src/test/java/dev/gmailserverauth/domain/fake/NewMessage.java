package dev.gmailserverauth.domain.fake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a mailbox test puts into an account before reading it back.
 *
 * @param replyToPrevious joins the conversation of the message put in just before it, instead of starting one
 * @param labels label ids beside {@code INBOX} (and {@code UNREAD} when unread): {@code STARRED}, a user label's id
 */
public record NewMessage(String from, String subject, String body, Instant date, boolean unread,
                         Optional<String> html, List<NewAttachment> attachments, boolean replyToPrevious, List<String> labels) {
    public NewMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(html, "html");
        attachments = List.copyOf(attachments);
        labels = List.copyOf(labels);
    }

    /** A plain-text message that starts its own conversation. */
    public NewMessage(String from, String subject, String body, Instant date, boolean unread) {
        this(from, subject, body, date, unread, Optional.empty(), List.of(), false, List.of());
    }

    public NewMessage withHtml(String newHtml) {
        return new NewMessage(from, subject, body, date, unread, Optional.of(newHtml), attachments, replyToPrevious, labels);
    }

    public NewMessage withAttachments(List<NewAttachment> newAttachments) {
        return new NewMessage(from, subject, body, date, unread, html, newAttachments, replyToPrevious, labels);
    }

    public NewMessage withLabels(List<String> newLabels) {
        return new NewMessage(from, subject, body, date, unread, html, attachments, replyToPrevious, newLabels);
    }

    public NewMessage asReply() {
        return new NewMessage(from, subject, body, date, unread, html, attachments, true, labels);
    }
}
