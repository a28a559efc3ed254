package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.internal.Account;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Gmail read request goes: {@code GET /gmail/v1/users/{userId}/messages[/{id}[/attachments/{id}]]},
 * {@code …/threads[/{id}]}, {@code …/labels[/{id}]}, {@code …/profile}.
 *
 * @param id the message, thread or label id of a get
 * @param attachmentId the attachment id of messages.attachments.get
 */
public record GmailRoute(Endpoint endpoint, String userId, Optional<String> id, Optional<String> attachmentId) {
    private static final Pattern PATH = Pattern.compile(
            "/gmail/v1/users/([^/]+)/(messages|threads|labels|profile|history|watch|stop)(?:/([^/]+))?(?:/attachments/([^/]+))?/?");

    public GmailRoute {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(attachmentId, "attachmentId");
    }

    /** The route of a request, if it is one of the Gmail read methods the sandbox serves. */
    public static Optional<GmailRoute> of(String method, String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches() || !method.equalsIgnoreCase(m.group(2).equals("watch") || m.group(2).equals("stop") ? "POST" : "GET")) {
            return Optional.empty();
        }
        Optional<String> id = Optional.ofNullable(m.group(3));
        Optional<String> attachmentId = Optional.ofNullable(m.group(4));
        return endpoint(m.group(2), id.isPresent(), attachmentId.isPresent())
                .map(endpoint -> new GmailRoute(endpoint, m.group(1), id, attachmentId));
    }

    /** The endpoint a path belongs to, if it is a Gmail read method. */
    public static Optional<Endpoint> endpointOf(String method, String path) {
        return of(method, path).map(GmailRoute::endpoint);
    }

    private static Optional<Endpoint> endpoint(String collection, boolean item, boolean attachment) {
        if (attachment) return collection.equals("messages") ? Optional.of(Endpoint.ATTACHMENTS_GET) : Optional.empty();
        return switch (collection) {
            case "messages" -> Optional.of(item ? Endpoint.MESSAGES_GET : Endpoint.MESSAGES_LIST);
            case "threads" -> Optional.of(item ? Endpoint.THREADS_GET : Endpoint.THREADS_LIST);
            case "labels" -> Optional.of(item ? Endpoint.LABELS_GET : Endpoint.LABELS_LIST);
            case "history" -> item ? Optional.empty() : Optional.of(Endpoint.HISTORY_LIST);
            case "watch" -> item ? Optional.empty() : Optional.of(Endpoint.WATCH);
            case "stop" -> item ? Optional.empty() : Optional.of(Endpoint.STOP);
            default -> item ? Optional.empty() : Optional.of(Endpoint.PROFILE);
        };
    }

    /** {@code me} or the owner's own address; anything else is someone else's mailbox. */
    public boolean addresses(Account owner) {
        return userId.equals("me") || userId.toLowerCase(Locale.ROOT).equals(owner.email());
    }

    /** The id of a get (present whenever the endpoint is one). */
    public String requireId() {
        return id.orElseThrow(() -> new IllegalStateException(endpoint + " has no id"));
    }

    /** The RPC name Google's errors show for this method, e.g. {@code ListMessages}. */
    public String rpcName() {
        return switch (endpoint) {
            case MESSAGES_LIST -> "ListMessages";
            case MESSAGES_GET -> "GetMessage";
            case ATTACHMENTS_GET -> "GetAttachment";
            case THREADS_LIST -> "ListThreads";
            case THREADS_GET -> "GetThread";
            case LABELS_LIST -> "ListLabels";
            case LABELS_GET -> "GetLabel";
            case HISTORY_LIST -> "ListHistory";
            case WATCH -> "Watch";
            case STOP -> "Stop";
            default -> "GetProfile";
        };
    }
}
