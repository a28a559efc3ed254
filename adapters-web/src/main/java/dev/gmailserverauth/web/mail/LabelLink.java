package dev.gmailserverauth.web.mail;

/** A label in the sidebar, linking to a search for it; {@code active} when the list shows that search. */
public record LabelLink(String id, String name, String href, boolean active) {
}
