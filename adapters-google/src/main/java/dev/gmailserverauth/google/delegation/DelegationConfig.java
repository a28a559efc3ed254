package dev.gmailserverauth.google.delegation;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the domain-wide delegation adapters need: the service account's key file (its {@code token_uri} is the token
 * endpoint, as in Google's libraries), the Workspace domain and the administrator impersonated to read its directory,
 * and the roots of the Admin SDK Directory API and of Gmail (so the sandbox can play them).
 */
public record DelegationConfig(ServiceAccountKeyFile key, String workspaceDomain, EmailAddress workspaceAdmin, URI adminRootUrl,
                               URI gmailRootUrl, Duration connectTimeout, Duration readTimeout, String applicationName) {
    public static final URI GOOGLE_ADMIN_ROOT_URL = URI.create("https://admin.googleapis.com/");

    public DelegationConfig {
        Objects.requireNonNull(key, "key");
        if (workspaceDomain == null || !workspaceDomain.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
            throw new IllegalArgumentException("not a domain name: " + workspaceDomain);
        }
        Objects.requireNonNull(workspaceAdmin, "workspaceAdmin");
        if (!workspaceAdmin.value().toLowerCase(java.util.Locale.ROOT).endsWith("@" + workspaceDomain.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("the administrator " + workspaceAdmin.value() + " is not of " + workspaceDomain);
        }
        adminRootUrl = HttpUrls.withTrailingSlash(Objects.requireNonNull(adminRootUrl, "adminRootUrl"));
        gmailRootUrl = HttpUrls.withTrailingSlash(Objects.requireNonNull(gmailRootUrl, "gmailRootUrl"));
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(applicationName, "applicationName");
    }
}
