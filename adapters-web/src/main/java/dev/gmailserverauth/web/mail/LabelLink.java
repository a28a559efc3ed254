package dev.gmailserverauth.web.mail;

/** A label in the sidebar, linking to a search for it. */
public record LabelLink(String id, String name, String href) {
}
