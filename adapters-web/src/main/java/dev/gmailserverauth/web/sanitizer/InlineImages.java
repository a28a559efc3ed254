package dev.gmailserverauth.web.sanitizer;

import java.util.Optional;

/** Where the message frame loads the image a mail names {@code cid:contentId} from: the message's own part. */
@FunctionalInterface
public interface InlineImages {
    InlineImages NONE = contentId -> Optional.empty();

    /** A same-origin URL for that inline image, or empty when the message has no such displayable part. */
    Optional<String> url(String contentId);
}
