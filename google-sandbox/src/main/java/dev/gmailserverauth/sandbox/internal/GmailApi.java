package dev.gmailserverauth.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.SandboxLimits;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gmail API v1 read methods under {@code /gmail/v1/users/{userId}/...}; used directly and for batch parts. */
public final class GmailApi {
    private static final Pattern PATH = Pattern.compile(
            "/gmail/v1/users/([^/]+)/(messages|threads|labels|profile)(?:/([^/]+))?(?:/attachments/([^/]+))?/?");
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 500;

    private final SandboxState state;

    public GmailApi(SandboxState state) {
        this.state = state;
    }

    /** The endpoint a path belongs to, if it is a Gmail read method. */
    public static Optional<Endpoint> endpointOf(String method, String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches() || !method.equalsIgnoreCase("GET")) return Optional.empty();
        boolean item = m.group(3) != null;
        if (m.group(4) != null) return m.group(2).equals("messages") ? Optional.of(Endpoint.ATTACHMENTS_GET) : Optional.empty();
        return switch (m.group(2)) {
            case "messages" -> Optional.of(item ? Endpoint.MESSAGES_GET : Endpoint.MESSAGES_LIST);
            case "threads" -> Optional.of(item ? Endpoint.THREADS_GET : Endpoint.THREADS_LIST);
            case "labels" -> Optional.of(item ? Endpoint.LABELS_GET : Endpoint.LABELS_LIST);
            default -> item ? Optional.empty() : Optional.of(Endpoint.PROFILE);
        };
    }

    /** Answers a request already counted: admission, then a concurrency slot, quota units and the method. */
    public ApiResponse handle(ApiRequest request) {
        Admission admission = admit(request);
        if (admission instanceof Admission.Ready ready) {
            return run(ready.call(), state.limits().enter(ready.call().owner().id()));
        }
        return ((Admission.Answered) admission).response();
    }

    /** Applies a pending fault (a delay is carried into the call), then authorization and the user id check. */
    public Admission admit(ApiRequest request) {
        Optional<Endpoint> endpoint = endpointOf(request.method(), request.path());
        if (endpoint.isEmpty()) return new Admission.Answered(GoogleErrors.notFound());
        Optional<Fault> fault = state.faults().nextFault(endpoint.get());
        Duration delay = fault.filter(Fault.Delay.class::isInstance).map(f -> ((Fault.Delay) f).duration()).orElse(Duration.ZERO);
        Optional<ApiResponse> faulted = fault.filter(f -> !(f instanceof Fault.Delay))
                .flatMap(f -> FaultResponses.apply(f, FaultResponses.Style.GOOGLE_API));
        if (faulted.isPresent()) return new Admission.Answered(faulted.get());
        Admission admission = authorize(request, endpoint.get(), delay);
        if (admission instanceof Admission.Answered) FaultResponses.sleep(delay.toMillis());
        return admission;
    }

    private Admission authorize(ApiRequest request, Endpoint endpoint, Duration delay) {
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) return new Admission.Answered(GoogleErrors.missingCredentials());
        Optional<OAuthStore.AccessToken> access = state.oauth().accessToken(token.get());
        if (access.isEmpty()) return new Admission.Answered(GoogleErrors.invalidCredentials());
        List<String> scopes = access.get().scopes();
        boolean allowed = OAuthScopes.canReadGmail(scopes)
                || (endpoint == Endpoint.PROFILE && scopes.contains(OAuthScopes.GMAIL_COMPOSE));
        if (!allowed) return new Admission.Answered(GoogleErrors.insufficientScopes(rpcName(endpoint)));
        Account owner = state.accounts().byId(access.get().userId()).orElseThrow();
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) return new Admission.Answered(GoogleErrors.notFound());
        String userId = m.group(1);
        if (!userId.equals("me") && !userId.equalsIgnoreCase(owner.email())) {
            return new Admission.Answered(GoogleErrors.forbidden("Delegation denied for " + owner.email()));
        }
        return new Admission.Ready(new GmailCall(request, endpoint, owner, scopes, delay));
    }

    /**
     * Runs an admitted call in the slot it was given (none: refused as one too many of the user's calls at once):
     * charges its quota units, spends its injected delay and the configured call time holding the slot, answers.
     */
    public ApiResponse run(GmailCall call, Optional<LimitBoard.Slot> slot) {
        if (slot.isEmpty()) return GoogleErrors.tooManyConcurrentRequests();
        try (LimitBoard.Slot held = slot.get()) {
            LimitBoard.Charge charge = state.limits().charge(call.owner().id(), QuotaUnits.of(call.endpoint()));
            if (charge instanceof LimitBoard.Charge.OverQuota over) return overQuota(over);
            FaultResponses.sleep(call.delay().plus(state.limits().limits().callTime()).toMillis());
            return method(call);
        }
    }

    private ApiResponse overQuota(LimitBoard.Charge.OverQuota over) {
        SandboxLimits limits = state.limits().limits();
        ApiResponse refused = GoogleErrors.quotaExceeded(limits.quotaRefusal());
        if (!limits.retryAfter()) return refused;
        long seconds = Math.max(1, (over.freesIn().toMillis() + 999) / 1000);
        return refused.withHeader("Retry-After", Long.toString(seconds));
    }

    private ApiResponse method(GmailCall call) {
        ApiRequest request = call.request();
        Account owner = call.owner();
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) return GoogleErrors.notFound();
        GmailAccountMailbox mailbox = state.mailbox(owner);
        boolean metadataOnly = OAuthScopes.metadataOnly(call.scopes());
        try {
            return switch (call.endpoint()) {
                case MESSAGES_LIST -> listMessages(request, mailbox, owner, metadataOnly);
                case MESSAGES_GET -> getMessage(request, mailbox, m.group(3), metadataOnly);
                case ATTACHMENTS_GET -> getAttachment(mailbox, m.group(3), m.group(4));
                case THREADS_LIST -> listThreads(request, mailbox, owner, metadataOnly);
                case THREADS_GET -> getThread(request, mailbox, m.group(3), metadataOnly);
                case LABELS_LIST -> listLabels(mailbox);
                case LABELS_GET -> mailbox.label(m.group(3))
                        .map(l -> ApiResponse.json(200, GmailJson.label(l, true, mailbox.messages())))
                        .orElseGet(GoogleErrors::notFound);
                case PROFILE -> profile(mailbox);
                default -> GoogleErrors.notFound();
            };
        } catch (BadRequest e) {
            return e.response;
        }
    }

    private ApiResponse listMessages(ApiRequest request, GmailAccountMailbox mailbox, Account owner, boolean metadataOnly) {
        List<StoredMessage> matching = filter(request, mailbox, owner, metadataOnly);
        Page<StoredMessage> page = page(request, matching, m -> new PageKey(m.internalDate().toEpochMilli(), m.id()));
        JsonObject o = new JsonObject();
        if (!page.items().isEmpty()) {  // Gmail omits "messages" entirely when there are none
            JsonArray array = new JsonArray();
            for (StoredMessage msg : page.items()) {
                JsonObject ref = new JsonObject();
                ref.addProperty("id", msg.id());
                ref.addProperty("threadId", msg.threadId());
                array.add(ref);
            }
            o.add("messages", array);
        }
        page.nextToken().ifPresent(t -> o.addProperty("nextPageToken", t));
        o.addProperty("resultSizeEstimate", matching.size());
        return ApiResponse.json(200, o);
    }

    private ApiResponse listThreads(ApiRequest request, GmailAccountMailbox mailbox, Account owner, boolean metadataOnly) {
        List<StoredMessage> matching = filter(request, mailbox, owner, metadataOnly);
        Map<String, StoredMessage> latestByThread = new LinkedHashMap<>();
        for (StoredMessage msg : matching) latestByThread.putIfAbsent(msg.threadId(), msg);  // matching is newest first
        List<StoredMessage> latest = new ArrayList<>(latestByThread.values());
        Page<StoredMessage> page = page(request, latest, msg -> new PageKey(msg.internalDate().toEpochMilli(), msg.threadId()));
        JsonObject o = new JsonObject();
        if (!page.items().isEmpty()) {
            JsonArray array = new JsonArray();
            for (StoredMessage msg : page.items()) {
                long history = mailbox.thread(msg.threadId()).stream().mapToLong(StoredMessage::historyId).max().orElse(0);
                array.add(GmailJson.threadListItem(msg, history));
            }
            o.add("threads", array);
        }
        page.nextToken().ifPresent(t -> o.addProperty("nextPageToken", t));
        o.addProperty("resultSizeEstimate", latest.size());
        return ApiResponse.json(200, o);
    }

    private List<StoredMessage> filter(ApiRequest request, GmailAccountMailbox mailbox, Account owner, boolean metadataOnly) {
        Optional<String> q = request.queryParam("q").filter(s -> !s.isBlank());
        if (q.isPresent() && metadataOnly) throw new BadRequest(GoogleErrors.forbidden("Metadata scope does not support 'q' parameter"));
        List<String> labelIds = request.queryParams("labelIds");
        for (String id : labelIds) {
            if (mailbox.label(id).isEmpty()) throw new BadRequest(GoogleErrors.invalidArgument("Invalid label: " + id));
        }
        GmailSearchExpression search;
        try {
            search = GmailSearchExpression.parse(q.orElse(""), searchContext(mailbox, owner));
        } catch (GmailSearchExpression.InvalidQueryException e) {
            throw new BadRequest(GoogleErrors.invalidArgument(e.getMessage()));
        }
        boolean includeSpamTrash = request.queryParam("includeSpamTrash").map(Boolean::parseBoolean).orElse(false)
                || search.reachesSpamOrTrash() || labelIds.contains("SPAM") || labelIds.contains("TRASH");
        return mailbox.messages().stream()
                .filter(msg -> includeSpamTrash || !(msg.hasLabel("SPAM") || msg.hasLabel("TRASH")))
                .filter(msg -> labelIds.stream().allMatch(msg::hasLabel))
                .filter(search::matches)
                .toList();
    }

    private GmailSearchExpression.Context searchContext(GmailAccountMailbox mailbox, Account owner) {
        return new GmailSearchExpression.Context() {
            @Override public java.time.Instant now() { return state.clock().now(); }
            @Override public String ownerEmail() { return owner.email(); }
            @Override public List<String> labelIdsNamed(String name) {
                return mailbox.labels().stream()
                        .filter(l -> l.searchName().equals(name) || l.id().equalsIgnoreCase(name))
                        .map(GmailLabelRecord::id).toList();
            }
        };
    }

    private ApiResponse getMessage(ApiRequest request, GmailAccountMailbox mailbox, String rawId, boolean metadataOnly) {
        GmailJson.Format format = format(request, metadataOnly, true);
        return findMessage(mailbox, rawId)
                .map(msg -> ApiResponse.json(200, GmailJson.message(msg, format, request.queryParams("metadataHeaders"))))
                .orElseGet(GoogleErrors::notFound);
    }

    private ApiResponse getAttachment(GmailAccountMailbox mailbox, String messageId, String attachmentId) {
        return findMessage(mailbox, messageId).flatMap(msg -> msg.attachment(attachmentId))
                .map(part -> ApiResponse.json(200, GmailJson.attachmentBody(part)))
                .orElseGet(GoogleErrors::notFound);
    }

    private ApiResponse getThread(ApiRequest request, GmailAccountMailbox mailbox, String rawId, boolean metadataOnly) {
        GmailJson.Format format = format(request, metadataOnly, false);
        if (!GmailIds.isWellFormed(rawId)) return GoogleErrors.invalidArgument("Invalid id value");
        String id = GmailIds.canonical(rawId);
        List<StoredMessage> thread = mailbox.thread(id);
        if (thread.isEmpty()) return GoogleErrors.notFound();
        return ApiResponse.json(200, GmailJson.thread(id, thread, format, request.queryParams("metadataHeaders")));
    }

    private Optional<StoredMessage> findMessage(GmailAccountMailbox mailbox, String rawId) {
        if (!GmailIds.isWellFormed(rawId)) throw new BadRequest(GoogleErrors.invalidArgument("Invalid id value"));
        return mailbox.message(GmailIds.canonical(rawId));
    }

    private static GmailJson.Format format(ApiRequest request, boolean metadataOnly, boolean rawAllowed) {
        String value = request.queryParam("format").orElse("full").toLowerCase(Locale.ROOT);
        GmailJson.Format format;
        try {
            format = GmailJson.format(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(GoogleErrors.badRequest("Invalid value at 'format' (" + value + ")", "format"));
        }
        if (format == GmailJson.Format.RAW && !rawAllowed) {
            throw new BadRequest(GoogleErrors.badRequest("Invalid value at 'format' (raw)", "format"));
        }
        if (metadataOnly && (format == GmailJson.Format.FULL || format == GmailJson.Format.RAW)) {
            throw new BadRequest(GoogleErrors.forbidden("Metadata scope doesn't allow format " + format.name()));
        }
        return format;
    }

    private ApiResponse listLabels(GmailAccountMailbox mailbox) {
        JsonArray array = new JsonArray();
        mailbox.labels().forEach(l -> array.add(GmailJson.label(l, false, List.of())));
        JsonObject o = new JsonObject();
        o.add("labels", array);
        return ApiResponse.json(200, o);
    }

    private ApiResponse profile(GmailAccountMailbox mailbox) {
        JsonObject o = new JsonObject();
        o.addProperty("emailAddress", mailbox.email());
        o.addProperty("messagesTotal", mailbox.messages().size());
        o.addProperty("threadsTotal", mailbox.threadIds().size());
        o.addProperty("historyId", Long.toString(mailbox.historyId()));
        return ApiResponse.json(200, o);
    }

    // ---- paging ----------------------------------------------------------------------------------------------

    /** Position of an item in newest-first order; a page token names the last item served. */
    private record PageKey(long millis, String id) implements Comparable<PageKey> {
        static final Comparator<PageKey> ORDER = Comparator.comparingLong(PageKey::millis).thenComparing(PageKey::id);

        @Override public int compareTo(PageKey o) {
            return ORDER.compare(this, o);
        }

        /** Looks like Google's numeric page tokens: 13 digits of millis then the id as a decimal number. */
        String token() {
            return String.format("%013d", millis) + new BigInteger(id, 16);
        }

        static PageKey parse(String token) {
            if (!token.matches("\\d{14,33}")) throw new BadRequest(GoogleErrors.badRequest("Invalid pageToken", "pageToken"));
            BigInteger id = new BigInteger(token.substring(13));
            if (id.bitLength() > 64) throw new BadRequest(GoogleErrors.badRequest("Invalid pageToken", "pageToken"));
            return new PageKey(Long.parseLong(token.substring(0, 13)), String.format("%016x", id));
        }
    }

    private record Page<T>(List<T> items, Optional<String> nextToken) {}

    private static <T> Page<T> page(ApiRequest request, List<T> newestFirst, Function<T, PageKey> key) {
        int size = maxResults(request);
        Optional<PageKey> after = request.queryParam("pageToken").filter(s -> !s.isBlank()).map(PageKey::parse);
        List<T> rest = after.map(a -> newestFirst.stream().filter(item -> key.apply(item).compareTo(a) < 0).toList())
                .orElse(newestFirst);
        List<T> items = rest.subList(0, Math.min(size, rest.size()));
        Optional<String> next = rest.size() > size ? Optional.of(key.apply(items.get(items.size() - 1)).token()) : Optional.empty();
        return new Page<>(List.copyOf(items), next);
    }

    private static int maxResults(ApiRequest request) {
        Optional<String> value = request.queryParam("maxResults");
        if (value.isEmpty()) return DEFAULT_PAGE;
        try {
            long n = Long.parseLong(value.get());
            if (n < 0) throw new NumberFormatException();
            return n == 0 ? DEFAULT_PAGE : (int) Math.min(n, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw new BadRequest(GoogleErrors.badRequest("Invalid value at 'max_results' (" + value.get() + ")", "maxResults"));
        }
    }

    private static String rpcName(Endpoint e) {
        return switch (e) {
            case MESSAGES_LIST -> "ListMessages";
            case MESSAGES_GET -> "GetMessage";
            case ATTACHMENTS_GET -> "GetAttachment";
            case THREADS_LIST -> "ListThreads";
            case THREADS_GET -> "GetThread";
            case LABELS_LIST -> "ListLabels";
            case LABELS_GET -> "GetLabel";
            default -> "GetProfile";
        };
    }

    /** A 4xx answer found deep in a handler. */
    private static final class BadRequest extends RuntimeException {
        final transient ApiResponse response;

        BadRequest(ApiResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
