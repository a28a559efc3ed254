package dev.gmailserverauth.domain.model;

import java.util.Arrays;
import java.util.Objects;

/** The bytes of one attachment, as fetched from the mailbox. */
public record AttachmentData(byte[] bytes) {

    public AttachmentData {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    /** A copy of the content. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttachmentData data && Arrays.equals(bytes, data.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AttachmentData[" + bytes.length + " bytes]";
    }
}
