package dev.gmailserverauth.persistence;

import java.util.Base64;

/** Fixed encryption keys for tests, so that a test can reopen a database with the same key. */
public final class TestKeys {
    public static final String KEY = Base64.getEncoder().encodeToString(bytes(1));
    public static final String OTHER_KEY = Base64.getEncoder().encodeToString(bytes(2));

    private TestKeys() {
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) key[i] = (byte) (seed * 31 + i * 7);
        return key;
    }
}
