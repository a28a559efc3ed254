package dev.gmailserverauth.google.delegation;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.directory.Directory;
import com.google.api.services.gmail.Gmail;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.gmailserverauth.google.GoogleHttpTransport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain-wide delegation adapters with the transport they share: the one factory bootstrap calls. The key file is
 * parsed once by google-auth-library; a file it cannot read stops the start with a message naming the file.
 */
public final class DelegationAdapters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DelegationAdapters.class);

    private final HttpTransport transport;
    private final GoogleDelegatedAuthority authority;
    private final GoogleDomainDirectory directory;
    private final GoogleDomainGroups groups;
    private final String clientId;
    private final String clientEmail;

    private DelegationAdapters(HttpTransport transport, ServiceAccountTokens tokens, GoogleDelegatedAuthority authority, GoogleDomainDirectory directory,
            GoogleDomainGroups groups) {
        this.transport = transport;
        this.authority = authority;
        this.directory = directory;
        this.groups = groups;
        this.clientId = tokens.clientId();
        this.clientEmail = tokens.clientEmail();
    }

    public static DelegationAdapters create(DelegationConfig config) {
        Objects.requireNonNull(config, "config");
        // Apache, not NetHttpTransport: HttpURLConnection drops the body of the token endpoint's 401 (unauthorized_client).
        HttpTransport transport = GoogleHttpTransport.create();
        JsonFactory json = GsonFactory.getDefaultInstance();
        ServiceAccountCredentials serviceAccount;
        try {
            serviceAccount = ServiceAccountCredentials.fromStream(new ByteArrayInputStream(config.key().json()), () -> transport);
        } catch (IOException | RuntimeException e) {
            throw ServiceAccountKeyFile.problem(config.key().path(), "is not a service account key (" + e.getMessage() + ")");
        }
        ServiceAccountTokens tokens = new ServiceAccountTokens(serviceAccount, json);
        HttpRequestInitializer timeouts = request -> request
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(config.readTimeout().toMillis()))
                .setNumberOfRetries(0)
                .setLoggingEnabled(false)
                .setCurlLoggingEnabled(false);
        Gmail gmail = new Gmail.Builder(transport, json, timeouts).setRootUrl(config.gmailRootUrl().toString())
                .setApplicationName(config.applicationName()).build();
        Directory directory = new Directory.Builder(transport, json, timeouts).setRootUrl(config.adminRootUrl().toString())
                .setApplicationName(config.applicationName()).build();
        LOG.info("domain-wide delegation: service account {} (client ID {}), token endpoint {}, domain {}", serviceAccount.getClientEmail(),
                serviceAccount.getClientId(), serviceAccount.getTokenServerUri(), config.workspaceDomain());
        return new DelegationAdapters(transport, tokens, new GoogleDelegatedAuthority(tokens, gmail),
                new GoogleDomainDirectory(tokens, directory, config.workspaceDomain(), config.workspaceAdmin()),
                new GoogleDomainGroups(tokens, directory, config.workspaceDomain(), config.workspaceAdmin()));
    }

    public GoogleDelegatedAuthority authority() {
        return authority;
    }

    public GoogleDomainDirectory directory() {
        return directory;
    }

    public GoogleDomainGroups groups() {
        return groups;
    }

    /** The numeric client ID the administrator delegates. */
    public String clientId() {
        return clientId;
    }

    public String clientEmail() {
        return clientEmail;
    }

    @Override
    public void close() {
        try {
            transport.shutdown();
        } catch (IOException e) {
            LOG.warn("closing the delegation HTTP transport failed: {}", e.getMessage());
        }
    }
}
