package dev.gmailserverauth.sandbox.internal.gmail;

/** A MIME header as it is on the wire (value possibly RFC 2047 encoded). */
record MimeHeader(String name, String wireValue) {
    public MimeHeader {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("header name is blank");
        if (wireValue == null) throw new IllegalArgumentException("header value is null");
    }

    /** The value as the Gmail API shows it: encoded words decoded. */
    public String value() {
        return Rfc2047.decode(wireValue);
    }
}
