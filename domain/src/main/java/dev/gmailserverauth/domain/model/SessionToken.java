package dev.gmailserverauth.domain.model;

/** The secret a browser holds to prove its session. Only its {@link #hash()} is ever stored. */
public record SessionToken(String value) {
    public SessionToken {
        if (!RandomTokens.isToken(value)) {
            throw new IllegalArgumentException("session token is malformed");
        }
    }

    public static SessionToken random() {
        return new SessionToken(RandomTokens.urlSafe(32));
    }

    /** SHA-256 of the token, hex-encoded: what the session store keys on. */
    public SessionKey hash() {
        return new SessionKey(RandomTokens.sha256Hex(value));
    }

    @Override
    public String toString() {
        return "SessionToken[***]";
    }
}
