package dev.gmailserverauth.web.view;

/** One message header, as shown. */
public record HeaderLine(String name, String value) {
}
