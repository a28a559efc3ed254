package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.domain.model.HttpUrls;
import dev.gmailserverauth.google.GoogleAdapterConfig;
import java.net.URI;

/** Applies the GOOGLE_* endpoint, time-out and deadline variables and Gmail's quota on top of the adapter's defaults. */
final class GoogleOverrides {
    private GoogleOverrides() {
    }

    static GoogleAdapterConfig apply(GoogleAdapterConfig base, AppConfig config) {
        URI gmailRoot = config.googleApiRootUrl().orElse(base.gmailRootUrl());
        URI batch = config.googleBatchUrl()
                .orElse(config.googleApiRootUrl().isPresent() ? HttpUrls.withTrailingSlash(gmailRoot).resolve("batch/gmail/v1") : base.batchUrl());
        return new GoogleAdapterConfig(
                base.clientId(),
                base.clientSecret(),
                base.authorizationUrl(),
                base.tokenUrl(),
                config.googleRevokeUrl().orElse(base.revokeUrl()),
                config.googleUserinfoRootUrl().orElse(base.userinfoRootUrl()),
                gmailRoot,
                batch,
                config.googleConnectTimeout(),
                config.googleReadTimeout(),
                base.applicationName(),
                base.retryPolicy())
                .withDeadline(config.googleDeadline())
                .withLimits(base.limits().withUnitsPerMinute(config.gmailUnitsPerMinute()))
                .withCallListener(base.callListener());
    }

}
