package dev.gmailserverauth.google;

import com.google.api.client.auth.oauth2.TokenRequest;
import com.google.api.client.googleapis.services.AbstractGoogleClientRequest;
import com.google.api.client.http.HttpResponse;
import java.io.IOException;

/**
 * Sends a request and reads its JSON answer, as the client's {@code execute()} does, with one difference: an
 * answer that is not the JSON it should be (google-http-client's parser says so with an
 * {@link IllegalArgumentException}) becomes a {@link MalformedAnswerException}, an {@link IOException} like a
 * broken connection, and is retried as one. Only the parsing is guarded: an {@code IllegalArgumentException}
 * anywhere else is a bug and stays one.
 */
final class JsonAnswers {
    private JsonAnswers() {
    }

    /** A Google API request (Gmail, userinfo). */
    static <T> T read(AbstractGoogleClientRequest<T> request) throws IOException {
        return parse(request.executeUnparsed(), request.getResponseClass());
    }

    /** A token endpoint request; a refusal still throws the client's {@code TokenResponseException}. */
    static <T> T read(TokenRequest request, Class<T> type) throws IOException {
        return parse(request.executeUnparsed(), type);
    }

    private static <T> T parse(HttpResponse response, Class<T> type) throws IOException {
        try {
            return response.parseAs(type);
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswerException("the answer (HTTP " + response.getStatusCode() + ") is not the expected JSON: " + e.getMessage(), e);
        }
    }

    /** Google answered 2xx with a body that is not the JSON the method returns. */
    static final class MalformedAnswerException extends IOException {
        MalformedAnswerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
