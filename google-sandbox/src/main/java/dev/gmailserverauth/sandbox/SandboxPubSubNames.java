package dev.gmailserverauth.sandbox;

import java.util.regex.Pattern;

/** The shapes of Pub/Sub resource names: {@code projects/P/topics/T}, {@code projects/P/subscriptions/S}. */
public final class SandboxPubSubNames {
    private static final Pattern TOPIC = Pattern.compile("projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/topics/[A-Za-z][\\w.~+%-]{2,254}");
    private static final Pattern SUBSCRIPTION = Pattern.compile("projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/subscriptions/[A-Za-z][\\w.~+%-]{2,254}");

    private SandboxPubSubNames() {}

    public static String requireTopic(String name) {
        if (name == null || !TOPIC.matcher(name).matches()) throw new IllegalArgumentException("not a topic name (projects/P/topics/T): " + name);
        return name;
    }

    public static String requireSubscription(String name) {
        if (name == null || !SUBSCRIPTION.matcher(name).matches()) {
            throw new IllegalArgumentException("not a subscription name (projects/P/subscriptions/S): " + name);
        }
        return name;
    }
}
