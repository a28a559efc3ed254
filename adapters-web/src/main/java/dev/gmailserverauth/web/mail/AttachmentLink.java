package dev.gmailserverauth.web.mail;

import java.util.Objects;

/** A file of a message as listed under it: its name, type and size, and where it downloads from. */
public record AttachmentLink(String name, String type, String size, String href) {
    public AttachmentLink {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(href, "href");
    }
}
