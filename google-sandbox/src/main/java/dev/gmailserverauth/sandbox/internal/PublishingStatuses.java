package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxClient.PublishingStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each client's publishing status: from its configuration, changeable through the control API. */
public final class PublishingStatuses {
    private final Map<String, PublishingStatus> statuses = new ConcurrentHashMap<>();

    public PublishingStatuses(List<SandboxClient> clients) {
        clients.forEach(c -> statuses.put(c.clientId(), c.publishingStatus()));
    }

    public PublishingStatus of(String clientId) {
        return statuses.getOrDefault(clientId, PublishingStatus.IN_PRODUCTION);
    }

    public void set(String clientId, PublishingStatus status) {
        if (!statuses.containsKey(clientId)) throw new IllegalArgumentException("no such client: " + clientId);
        statuses.put(clientId, status);
    }
}
