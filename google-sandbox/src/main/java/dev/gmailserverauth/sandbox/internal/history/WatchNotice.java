package dev.gmailserverauth.sandbox.internal.history;

import java.util.Objects;

/**
 * A change a watch asked to hear about: Gmail publishes {@code {emailAddress, historyId}} to the watch's topic.
 *
 * @param topic the watch's {@code projects/P/topics/T}
 */
public record WatchNotice(String emailAddress, long historyId, String topic) {
    public WatchNotice {
        Objects.requireNonNull(emailAddress, "emailAddress");
        Objects.requireNonNull(topic, "topic");
    }
}
