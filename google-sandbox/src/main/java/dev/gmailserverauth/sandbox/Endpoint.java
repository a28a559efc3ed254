package dev.gmailserverauth.sandbox;

/** The sandbox endpoints that are counted and can be given faults. */
public enum Endpoint {
    AUTHORIZE, TOKEN, REVOKE, USERINFO,
    MESSAGES_LIST, MESSAGES_GET, THREADS_LIST, THREADS_GET, LABELS_LIST, LABELS_GET, PROFILE,
    BATCH,
    /** {@code GET /gmail/v1/users/{userId}/messages/{messageId}/attachments/{id}}. */
    ATTACHMENTS_GET,
    /** {@code GET …/history}, {@code POST …/watch}, {@code POST …/stop}. */
    HISTORY_LIST, WATCH, STOP,
    /** Pub/Sub REST: {@code POST /v1/{subscription}:pull}, {@code …:acknowledge} and {@code …:modifyAckDeadline}. */
    PUBSUB_PULL, PUBSUB_ACKNOWLEDGE
}
