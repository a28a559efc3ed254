package dev.gmailserverauth.web.view;

/** One line of the message list, already formatted: {@code from} is the sender's name, {@code fromHeader} the whole header. */
public record MessageRow(String id, String href, String subject, String from, String fromHeader, String date, String snippet, boolean unread) {
}
