package dev.gmailserverauth.bootstrap.bench;

import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.sandbox.SandboxClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Gets an access token from the sandbox with Google's client library, for the naive baseline. */
final class SandboxTokens {
    private SandboxTokens() {
    }

    static String accessToken(URI sandbox, URI redirectUri, String email) {
        String consent = sandbox + "/o/oauth2/v2/auth?response_type=code&access_type=offline&state=benchmark-state-0000000000"
                + "&client_id=" + encode(SandboxClient.DEFAULT_ID) + "&redirect_uri=" + encode(redirectUri.toString())
                + "&scope=" + encode("https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/userinfo.email");
        URI back = new HttpSignIn().approve(URI.create(consent), email);
        String code = QueryString.of(back).require("code");
        try {
            return new AuthorizationCodeTokenRequest(new NetHttpTransport(), GsonFactory.getDefaultInstance(), new GenericUrl(sandbox + "/token"), code)
                    .setRedirectUri(redirectUri.toString())
                    .setClientAuthentication(new ClientParametersAuthentication(SandboxClient.DEFAULT_ID, SandboxClient.DEFAULT_SECRET))
                    .execute()
                    .getAccessToken();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
