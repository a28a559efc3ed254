package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.domain.event.EventId;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.webhook.EndpointId;
import dev.gmailserverauth.domain.webhook.NewEndpoint;
import dev.gmailserverauth.domain.webhook.WebhookDelivery;
import dev.gmailserverauth.domain.webhook.WebhookEndpoint;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code webhooks add|list|remove|enable|deliveries|replay|rotate-secret}: the receivers of events and their deliveries. */
final class WebhooksCommands {
    private WebhooksCommands() {
    }

    static void register(CommandLine root, CommandContext context) {
        root.addSubcommand("webhooks", new CommandLine(new Group())
                .addSubcommand("add", new Add(context))
                .addSubcommand("list", new ListEndpoints(context))
                .addSubcommand("remove", new Remove(context))
                .addSubcommand("enable", new Enable(context))
                .addSubcommand("deliveries", new Deliveries(context))
                .addSubcommand("replay", new Replay(context))
                .addSubcommand("rotate-secret", new RotateSecret(context)));
    }

    @Command(name = "webhooks", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = "Receivers of signed webhooks (Standard Webhooks) and their deliveries.")
    static final class Group extends CommandLineApp.Group.NamesItsCommands {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Adds a receiver and prints its secret, once: give it to the receiver to verify signatures.",
            "https only, to a public address, unless APP_WEBHOOK_ALLOW_PRIVATE=true."})
    static final class Add implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "URL", description = "where events are POSTed")
        String url;
        @Option(names = "--events", split = ",", paramLabel = "TYPE", description = "only these event types (default: all), e.g. message.received,account.connected")
        List<String> events = List.of();

        Add(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            URI receiver = parseUrl(url);
            WebhookWiring.addresses(context.config().webhooks()).refusal(receiver).ifPresent(why -> {
                throw new IllegalArgumentException("not a receiver this application sends to: " + why);
            });
            Set<EventType> types = events.stream().map(name -> EventType.ofWireName(name.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown event type " + TextTable.printable(name) + "; known: " + Arrays.stream(EventType.values()).map(EventType::wireName)
                            .collect(Collectors.joining(", "))))).collect(Collectors.toSet());
            WebhookSecret secret = WebhookSecret.random();
            WebhookEndpoint added = context.persistence().webhookEndpoints().add(new NewEndpoint(receiver, types, secret, context.clock().instant()));
            PrintWriter out = spec.commandLine().getOut();
            out.println("added " + added.id().value() + " for " + added.url() + " (" + describeTypes(added.events()) + ")");
            out.println("secret (shown once; the receiver verifies signatures with it): " + secret.formatted());
            out.flush();
            return CommandLineApp.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every receiver: its id, URL, event types and state (failing, disabled). Never a secret.")
    static final class ListEndpoints implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;

        ListEndpoints(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<WebhookEndpoint> endpoints = context.persistence().webhookEndpoints().list();
            PrintWriter out = spec.commandLine().getOut();
            if (endpoints.isEmpty()) {
                out.println("no webhook endpoints");
                out.flush();
                return CommandLineApp.OK;
            }
            TextTable table = new TextTable("ID", "URL", "EVENTS", "ADDED", "STATE");
            for (WebhookEndpoint endpoint : endpoints) {
                table.row(endpoint.id().value(), endpoint.url().toString(), describeTypes(endpoint.events()), time(endpoint.createdAt()), state(endpoint));
            }
            table.print(out);
            return CommandLineApp.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forgets a receiver and its queued deliveries.")
    static final class Remove implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "the endpoint's id (see webhooks list)")
        String id;

        Remove(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return onEndpoint(spec, id, endpoint -> context.persistence().webhookEndpoints().remove(endpoint), "removed", "no webhook endpoint");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Resumes deliveries to a receiver that was disabled, from the oldest waiting.")
    static final class Enable implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "the endpoint's id (see webhooks list)")
        String id;

        Enable(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return onEndpoint(spec, id, endpoint -> context.persistence().webhookEndpoints().enable(endpoint), "enabled", "no disabled webhook endpoint");
        }
    }

    @Command(name = "deliveries", mixinStandardHelpOptions = true, description = "The latest deliveries, newest first, with their attempts and last error.")
    static final class Deliveries implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Option(names = "--failed", description = "only those tried and not delivered")
        boolean failed;
        @Option(names = "--limit", defaultValue = "50", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit;

        Deliveries(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) throw new IllegalArgumentException("--limit must be 1 to 10000");
            List<WebhookDelivery> deliveries = context.persistence().webhookDeliveries().latest(failed, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (deliveries.isEmpty()) {
                out.println(failed ? "no failing deliveries" : "no deliveries");
                out.flush();
                return CommandLineApp.OK;
            }
            TextTable table = new TextTable("EVENT", "TYPE", "ACCOUNT", "SEQ", "ENDPOINT", "STATE", "ATTEMPTS", "WHEN", "LAST ERROR");
            for (WebhookDelivery delivery : deliveries) {
                boolean done = delivery.state() == WebhookDelivery.State.DELIVERED;
                table.row(delivery.event().id().value(), delivery.event().type().wireName(), delivery.event().account().value(),
                        Long.toString(delivery.event().sequence()), delivery.endpoint().value(), done ? "delivered" : delivery.failing() ? "retrying" : "pending",
                        Integer.toString(delivery.attempts()),
                        done ? "at " + delivery.deliveredAt().map(WebhooksCommands::time).orElse("-") : "next " + time(delivery.nextAttemptAt()),
                        delivery.lastError().orElse("-"));
            }
            table.print(out);
            return CommandLineApp.OK;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = {
            "Sends events again, under their own webhook-id, to every receiver that takes their type:",
            "one event by its id, or every event since a time."})
    static final class Replay implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Parameters(paramLabel = "EVENT_ID", description = "an event's id (evt_...), as webhook-id carried it")
            String eventId;
            @Option(names = "--since", paramLabel = "TIME", description = "every event at or after this instant (e.g. 2026-12-06T08:00:00Z)")
            String since;
        }

        Replay(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Instant now = context.clock().instant();
            int queued;
            if (which.eventId != null) {
                EventId event = parse(() -> new EventId(which.eventId), "not an event id: " + TextTable.printable(which.eventId));
                if (context.persistence().events().find(event).isEmpty()) throw new CommandFailure("no event " + event.value());
                queued = context.persistence().webhookDeliveries().replay(event, now);
            } else {
                Instant since = parse(() -> Instant.parse(which.since), "--since must be an instant like 2026-12-06T08:00:00Z");
                queued = context.persistence().webhookDeliveries().replaySince(since, now);
            }
            spec.commandLine().getOut().println("queued " + queued + " deliver" + (queued == 1 ? "y" : "ies") + " again");
            spec.commandLine().getOut().flush();
            return CommandLineApp.OK;
        }
    }

    @Command(name = "rotate-secret", mixinStandardHelpOptions = true, description = {
            "Gives a receiver a new secret and prints it, once. Until the grace period ends, deliveries carry a signature",
            "with each secret (two v1, entries), so the receiver can switch over without missing one."})
    static final class RotateSecret implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "the endpoint's id (see webhooks list)")
        String id;
        @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "PT24H", description = "how long the old secret still signs (default: ${DEFAULT-VALUE})")
        String grace;

        RotateSecret(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            EndpointId endpoint = endpointId(id);
            Duration period = parse(() -> Duration.parse(grace), "--grace must be an ISO-8601 duration such as PT24H");
            if (period.isNegative()) throw new IllegalArgumentException("--grace must not be negative");
            WebhookSecret next = WebhookSecret.random();
            if (!context.persistence().webhookEndpoints().rotateSecret(endpoint, next, context.clock().instant().plus(period))) {
                throw new CommandFailure("no webhook endpoint " + endpoint.value());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("new secret for " + endpoint.value() + " (shown once; the old one also signs for " + period + "): " + next.formatted());
            out.flush();
            return CommandLineApp.OK;
        }
    }

    /** Runs {@code action} on the endpoint named {@code id}; says {@code done ID}, or fails with {@code missing ID} when it answers false. */
    private static int onEndpoint(CommandSpec spec, String id, java.util.function.Predicate<EndpointId> action, String done, String missing) {
        EndpointId endpoint = endpointId(id);
        if (!action.test(endpoint)) throw new CommandFailure(missing + " " + endpoint.value());
        spec.commandLine().getOut().println(done + " " + endpoint.value());
        spec.commandLine().getOut().flush();
        return CommandLineApp.OK;
    }

    private static URI parseUrl(String raw) {
        try {
            return new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
    }

    private static EndpointId endpointId(String raw) {
        return parse(() -> new EndpointId(raw), "not an endpoint id (ep_ and 16 hex digits): " + TextTable.printable(raw));
    }

    private static <T> T parse(java.util.function.Supplier<T> reader, String complaint) {
        try {
            return reader.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(complaint);
        }
    }

    private static String describeTypes(Set<EventType> types) {
        return types.isEmpty() ? "all events" : types.stream().map(EventType::wireName).sorted().collect(Collectors.joining(","));
    }

    private static String state(WebhookEndpoint endpoint) {
        if (endpoint.disabled().isPresent()) {
            return "DISABLED at " + time(endpoint.disabled().get().at()) + ": " + endpoint.disabled().get().reason();
        }
        return endpoint.failingSince().map(since -> "failing since " + time(since)).orElse("active");
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
