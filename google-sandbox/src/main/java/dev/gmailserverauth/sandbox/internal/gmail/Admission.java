package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.internal.ApiResponse;

/** What a Gmail request becomes before it runs: already answered (a fault, 401, 403, 404), or a call to run. */
public sealed interface Admission {
    record Answered(ApiResponse response) implements Admission {}

    record Ready(GmailCall call) implements Admission {}
}
