package dev.gmailserverauth.domain.webhook;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A webhook endpoint's id: {@code ep_} and 16 hex digits. */
public record EndpointId(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public EndpointId {
        if (value == null || !value.matches("ep_[0-9a-f]{16}")) throw new IllegalArgumentException("not an endpoint id (ep_ and 16 hex digits)");
    }

    public static EndpointId random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new EndpointId("ep_" + HexFormat.of().formatHex(bytes));
    }
}
