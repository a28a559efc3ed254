package dev.gmailserverauth.domain.fake;

import java.util.Arrays;
import java.util.Objects;

/** A file attached to a {@link NewMessage}. */
public record NewAttachment(String filename, String mimeType, byte[] content) {
    public NewAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mimeType, "mimeType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NewAttachment a && filename.equals(a.filename) && mimeType.equals(a.mimeType) && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, mimeType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "NewAttachment[" + filename + ", " + mimeType + ", " + content.length + " bytes]";
    }
}
