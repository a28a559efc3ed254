package dev.gmailserverauth.web.mail;

import java.util.List;

/**
 * One line of the message list, already formatted: {@code from} is the sender's name, {@code fromHeader}
 * the whole header; {@code href} opens the conversation, {@code messageHref} the message alone.
 */
public record MessageRow(String id, String href, String messageHref, String subject, String from, String fromHeader, String date,
        String snippet, boolean unread, boolean starred, List<String> labels) {
    public MessageRow {
        labels = List.copyOf(labels);
    }
}
