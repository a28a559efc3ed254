package dev.gmailserverauth.web.view;

/** One line of the message list, already formatted. */
public record MessageRow(String id, String href, String subject, String from, String date, String snippet, boolean unread) {
}
