package dev.gmailserverauth.google;

/** The Gmail methods the adapter calls and what each costs in quota units (Gmail's "Usage limits" table). */
enum GmailMethod {
    MESSAGES_LIST("messages.list", 5),
    MESSAGES_GET("messages.get", 5),
    MESSAGES_ATTACHMENTS_GET("messages.attachments.get", 5),
    THREADS_LIST("threads.list", 10),
    THREADS_GET("threads.get", 10),
    LABELS_LIST("labels.list", 1),
    LABELS_GET("labels.get", 1),
    GET_PROFILE("getProfile", 1),
    HISTORY_LIST("history.list", 2),
    WATCH("watch", 100),
    STOP("stop", 50);

    private final String label;
    private final int units;

    GmailMethod(String label, int units) {
        this.label = label;
        this.units = units;
    }

    /** The name Gmail's reference uses, for logs and metrics. */
    String label() {
        return label;
    }

    int units() {
        return units;
    }
}
