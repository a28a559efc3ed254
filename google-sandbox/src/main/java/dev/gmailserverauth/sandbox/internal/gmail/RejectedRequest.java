package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.internal.ApiResponse;

/** A 4xx answer found deep in a Gmail method (a bad page token, format or label); the method's caller sends it. */
final class RejectedRequest extends RuntimeException {
    private final transient ApiResponse response;

    RejectedRequest(ApiResponse response) {
        super(null, null, false, false);
        this.response = response;
    }

    ApiResponse response() {
        return response;
    }
}
