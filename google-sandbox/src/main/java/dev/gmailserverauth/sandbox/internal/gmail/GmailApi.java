package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.FaultResponses;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.JavalinAdapter;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * Gmail API v1 read methods under {@code /gmail/v1/users/{userId}/...}, used directly and for batch parts. A call
 * goes: route ({@link GmailRoute}), injected fault, scope checks ({@link GmailAuthorization}), a concurrency slot
 * and quota units ({@link LimitBoard}), the method ({@link GmailMethods}), JSON out ({@link GmailJson}) narrowed to
 * the {@code fields=} selection ({@link FieldSelection}, checked against {@link GmailSchema}).
 */
public final class GmailApi {
    private final SandboxState state;
    private final GmailAuthorization authorization;
    private final GmailMethods methods;

    public GmailApi(SandboxState state) {
        this.state = state;
        this.authorization = new GmailAuthorization(state);
        this.methods = new GmailMethods(state);
    }

    /** Serves {@code GET} and {@code POST /gmail/v1/*}: the round trip is counted under the method's endpoint, when the path names one. */
    public void register(RoutesConfig routes) {
        routes.get("/gmail/v1/*", ctx -> {
            GmailRoute.endpointOf("GET", ctx.path()).ifPresent(state.faults()::roundTrip);
            JavalinAdapter.serve(ctx, this::handle);
        });
        routes.post("/gmail/v1/*", ctx -> {
            GmailRoute.endpointOf("POST", ctx.path()).ifPresent(state.faults()::roundTrip);
            JavalinAdapter.serve(ctx, this::handle);
        });
    }

    /** Answers a request already counted: admission, then a concurrency slot, quota units and the method. */
    ApiResponse handle(ApiRequest request) {
        return admit(request).fold(Admission.Answered::response,
                ready -> run(ready.call(), state.limits().enter(ready.call().owner().id())));
    }

    /** Applies a pending fault (a delay is carried into the call), then the scope checks. */
    public Admission admit(ApiRequest request) {
        Optional<GmailRoute> route = GmailRoute.of(request.method(), request.path());
        if (route.isEmpty()) return new Admission.Answered(GoogleErrors.notFound());
        Optional<Fault> fault = state.faults().nextFault(route.get().endpoint());
        Duration delay = fault.filter(Fault.Delay.class::isInstance).map(f -> ((Fault.Delay) f).duration()).orElse(Duration.ZERO);
        Optional<ApiResponse> faulted = fault.filter(f -> !(f instanceof Fault.Delay))
                .flatMap(f -> FaultResponses.apply(f, FaultResponses.Style.GOOGLE_API));
        if (faulted.isPresent()) return new Admission.Answered(faulted.get());
        Admission admission = authorization.authorize(request, route.get(), delay);
        if (admission.toRun().isEmpty()) FaultResponses.sleep(delay.toMillis());
        return admission;
    }

    /**
     * Runs an admitted call in the slot it was given (none: refused as one too many of the user's calls at once):
     * charges its quota units, spends its injected delay and the configured call time holding the slot, answers.
     */
    public ApiResponse run(GmailCall call, Optional<LimitBoard.Slot> slot) {
        if (slot.isEmpty()) return GoogleErrors.tooManyConcurrentRequests();
        try (LimitBoard.Slot held = slot.get()) {
            Optional<String> fieldsParam = call.request().queryParam("fields").filter(f -> !f.isBlank());
            Optional<FieldSelection> fields = fieldsParam.flatMap(FieldSelection::parse)
                    .filter(f -> f.fitsSchema(GmailSchema.responseOf(call.endpoint())));
            if (fieldsParam.isPresent() && fields.isEmpty()) {
                return GoogleErrors.badRequest("Invalid field selection " + fieldsParam.get(), "fields");
            }
            int units = QuotaUnits.of(state.limits().limits().quotaTable(), call.endpoint(), call.request().queryParam("format"));
            LimitBoard.Charge charge = state.limits().charge(call.owner().id(), units);
            if (charge instanceof LimitBoard.Charge.OverQuota over) return overQuota(over);
            FaultResponses.sleep(call.delay().plus(state.limits().limits().callTime()).toMillis());
            GmailAnswer answer = methods.answer(call);
            if (answer instanceof GmailAnswer.Resource resource) {
                return ApiResponse.json(200, fields.map(f -> f.applyTo(resource.json())).orElse(resource.json()));
            }
            return ((GmailAnswer.Refused) answer).response();
        }
    }

    private ApiResponse overQuota(LimitBoard.Charge.OverQuota over) {
        SandboxLimits limits = state.limits().limits();
        ApiResponse refused = GoogleErrors.quotaExceeded(limits.quotaRefusal());
        if (!limits.retryAfter()) return refused;
        long seconds = Math.max(1, (over.freesIn().toMillis() + 999) / 1000);
        return refused.withHeader("Retry-After", Long.toString(seconds));
    }
}
