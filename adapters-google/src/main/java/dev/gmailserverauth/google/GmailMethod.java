package dev.gmailserverauth.google;

/** The Gmail methods the adapter calls; what each costs is in the {@link QuotaProfile}. */
enum GmailMethod {
    MESSAGES_LIST("messages.list"),
    MESSAGES_GET("messages.get"),
    MESSAGES_ATTACHMENTS_GET("messages.attachments.get"),
    THREADS_LIST("threads.list"),
    THREADS_GET("threads.get"),
    LABELS_LIST("labels.list"),
    LABELS_GET("labels.get"),
    GET_PROFILE("getProfile"),
    HISTORY_LIST("history.list"),
    WATCH("watch"),
    STOP("stop");

    private final String label;

    GmailMethod(String label) {
        this.label = label;
    }

    /** The name Gmail's reference uses, for logs and metrics. */
    String label() {
        return label;
    }
}
