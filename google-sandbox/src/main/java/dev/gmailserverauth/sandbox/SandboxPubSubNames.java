package dev.gmailserverauth.sandbox;

import java.util.regex.Pattern;

/** The shapes of Pub/Sub resource names: {@code projects/P/topics/T}, {@code projects/P/subscriptions/S}, and project ids. */
public final class SandboxPubSubNames {
    private static final String PROJECT = "[a-z][a-z0-9-]{4,28}[a-z0-9]";
    private static final String RESOURCE = "[A-Za-z][\\w.~+%-]{2,254}";
    private static final Pattern TOPIC = Pattern.compile("projects/" + PROJECT + "/topics/" + RESOURCE);
    private static final Pattern SUBSCRIPTION = Pattern.compile("projects/" + PROJECT + "/subscriptions/" + RESOURCE);

    private SandboxPubSubNames() {}

    /** A Google Cloud project id: 6 to 30 lower-case letters, digits and hyphens, starting with a letter. */
    public static String requireProject(String id) {
        if (id == null || !id.matches(PROJECT)) throw new IllegalArgumentException("not a Google Cloud project id: " + id);
        return id;
    }

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
