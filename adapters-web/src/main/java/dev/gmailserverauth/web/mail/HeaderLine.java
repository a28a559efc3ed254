package dev.gmailserverauth.web.mail;

/** One message header, as shown. */
public record HeaderLine(String name, String value) {
}
