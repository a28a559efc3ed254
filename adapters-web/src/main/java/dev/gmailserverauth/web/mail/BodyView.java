package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.web.sanitizer.TextLinks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message's body as shown: its HTML in a sandboxed frame loaded from {@code frameSrc}, or its plain
 * text cut into text and links. {@code blockedRemote} remote images were left out, and
 * {@code showImagesHref} shows them; when {@code remoteShown}, {@code hideImagesHref} leaves them out again (the choice lives in
 * the page's address, nowhere else); {@code note} says what else the reader should know ("" for nothing).
 */
public record BodyView(Optional<String> frameSrc, List<TextLinks.Segment> text, int blockedRemote, Optional<String> showImagesHref,
        boolean remoteShown, Optional<String> hideImagesHref, String note) {

    public BodyView {
        Objects.requireNonNull(frameSrc, "frameSrc");
        text = List.copyOf(text);
        Objects.requireNonNull(showImagesHref, "showImagesHref");
        Objects.requireNonNull(hideImagesHref, "hideImagesHref");
        Objects.requireNonNull(note, "note");
    }

    public boolean html() {
        return frameSrc.isPresent();
    }
}
