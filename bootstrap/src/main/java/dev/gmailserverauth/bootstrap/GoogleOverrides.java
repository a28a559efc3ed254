package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.domain.model.HttpUrls;
import dev.gmailserverauth.google.GmailLimits;
import dev.gmailserverauth.google.GoogleAdapterConfig;
import java.net.URI;

/** Applies the GOOGLE_* endpoint, time-out and deadline variables and Gmail's quota table and budget on top of the adapter's defaults. */
final class GoogleOverrides {
    private GoogleOverrides() {
    }

    static GoogleAdapterConfig apply(GoogleAdapterConfig base, AppConfig config) {
        URI gmailRoot = config.googleApiRootUrl().orElse(base.gmailRootUrl());
        URI batch = config.googleBatchUrl()
                .orElse(config.googleApiRootUrl().isPresent() ? HttpUrls.withTrailingSlash(gmailRoot).resolve("batch/gmail/v1") : base.batchUrl());
        return base
                .withRevokeUrl(config.googleRevokeUrl().orElse(base.revokeUrl()))
                .withUserinfoRootUrl(config.googleUserinfoRootUrl().orElse(base.userinfoRootUrl()))
                .withGmailUrls(gmailRoot, batch)
                .withTimeouts(config.googleConnectTimeout(), config.googleReadTimeout())
                .withDeadline(config.googleDeadline())
                .withLimits(GmailLimits.of(config.gmailQuotaProfile()).withUnitsPerMinute(config.gmailUnitsPerMinute()));
    }

}
