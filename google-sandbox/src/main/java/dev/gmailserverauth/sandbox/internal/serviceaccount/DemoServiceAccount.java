package dev.gmailserverauth.sandbox.internal.serviceaccount;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The sandbox's demo service account: its identity and its one key, in the JSON format the Cloud console downloads
 * (<a href="https://developers.google.com/identity/protocols/oauth2/service-account">service accounts</a>). The key
 * pair is made on first use; {@link #replaceKey()} plays "delete the key and create a new one" in the console, after
 * which a downloaded key file no longer verifies. Thread-safe.
 */
public final class DemoServiceAccount {
    public static final String PROJECT_ID = "sandbox-project";
    public static final String CLIENT_EMAIL = "mail-sync@" + PROJECT_ID + ".iam.gserviceaccount.com";
    /** The numeric client ID an administrator enters under Domain-wide delegation (21 digits, like Google's). */
    public static final String CLIENT_ID = "113774264463038321964";
    private static final int KEY_BITS = 2048;

    private final SecureRandom random = new SecureRandom();
    private RSAKey key;
    private boolean disabled;

    public String clientEmail() {
        return CLIENT_EMAIL;
    }

    public String clientId() {
        return CLIENT_ID;
    }

    public synchronized String privateKeyId() {
        return key().getKeyID();
    }

    public synchronized RSAPublicKey publicKey() {
        try {
            return key().toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key unreadable", e);
        }
    }

    /** Deletes the current key and creates another: files holding the old one are refused from now on. */
    public synchronized void replaceKey() {
        key = newKey();
    }

    /** A disabled service account gets {@code disabled_client} for every assertion. */
    public synchronized void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public synchronized boolean disabled() {
        return disabled;
    }

    /** The key file as the Cloud console downloads it, with {@code token_uri} pointing at {@code tokenUri}. */
    public synchronized String keyJson(String tokenUri) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "service_account");
        o.addProperty("project_id", PROJECT_ID);
        o.addProperty("private_key_id", key().getKeyID());
        o.addProperty("private_key", pkcs8Pem());
        o.addProperty("client_email", CLIENT_EMAIL);
        o.addProperty("client_id", CLIENT_ID);
        o.addProperty("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        o.addProperty("token_uri", tokenUri);
        o.addProperty("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs");
        o.addProperty("client_x509_cert_url", "https://www.googleapis.com/robot/v1/metadata/x509/"
                + CLIENT_EMAIL.replace("@", "%40"));
        o.addProperty("universe_domain", "googleapis.com");
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    private String pkcs8Pem() {
        try {
            byte[] der = key().toRSAPrivateKey().getEncoded();  // PKCS#8 PrivateKeyInfo
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key unreadable", e);
        }
    }

    private RSAKey key() {
        if (key == null) key = newKey();
        return key;
    }

    private RSAKey newKey() {
        byte[] id = new byte[20];
        random.nextBytes(id);
        try {
            return new RSAKeyGenerator(KEY_BITS).keyID(HexFormat.of().formatHex(id)).secureRandom(random).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }
}
