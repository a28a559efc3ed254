package dev.gmailserverauth.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message to put in a sandbox mailbox.
 *
 * @param labels system label ids ({@code INBOX}, {@code UNREAD}, ...) or user label names (created when new)
 * @param threadId the Gmail thread id to join; empty starts a new thread
 */
public record SandboxMessage(
        String from,
        String to,
        String subject,
        Instant date,
        String textBody,
        Optional<String> htmlBody,
        List<String> labels,
        Optional<String> threadId,
        List<SandboxAttachment> attachments) {

    public SandboxMessage {
        if (from == null || from.isBlank()) throw new IllegalArgumentException("from is blank");
        if (to == null || to.isBlank()) throw new IllegalArgumentException("to is blank");
        if (subject == null) throw new IllegalArgumentException("subject is null");
        if (date == null) throw new IllegalArgumentException("date is null");
        if (textBody == null) throw new IllegalArgumentException("text body is null");
        if (htmlBody == null || labels == null || threadId == null || attachments == null) {
            throw new IllegalArgumentException("optional parts must be empty, not null");
        }
        labels = List.copyOf(labels);
        attachments = List.copyOf(attachments);
    }

    /** A plain-text message in the inbox, unread. */
    public static SandboxMessage of(String from, String to, String subject, Instant date, String textBody) {
        return new SandboxMessage(from, to, subject, date, textBody, Optional.empty(),
                List.of("INBOX", "UNREAD"), Optional.empty(), List.of());
    }

    public SandboxMessage withHtmlBody(String html) {
        return new SandboxMessage(from, to, subject, date, textBody, Optional.of(html), labels, threadId, attachments);
    }

    public SandboxMessage withLabels(List<String> newLabels) {
        return new SandboxMessage(from, to, subject, date, textBody, htmlBody, newLabels, threadId, attachments);
    }

    public SandboxMessage inThread(String id) {
        return new SandboxMessage(from, to, subject, date, textBody, htmlBody, labels, Optional.of(id), attachments);
    }

    public SandboxMessage withAttachments(List<SandboxAttachment> newAttachments) {
        return new SandboxMessage(from, to, subject, date, textBody, htmlBody, labels, threadId, newAttachments);
    }
}
