package dev.gmailserverauth.bootstrap.bench;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * The baseline: the way Google's original "Implementing server-side authorization" guide shows a page, with Google's own Gmail client. One
 * {@code messages.list}, then one {@code messages.get} per message, one after the other: 1 + N round trips.
 */
final class NaiveSeedLoop {
    private final Gmail gmail;

    NaiveSeedLoop(URI sandboxBaseUrl, String accessToken) {
        this.gmail = new Gmail.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer " + accessToken))
                .setRootUrl(sandboxBaseUrl + "/")
                .setApplicationName("naive-baseline")
                .build();
    }

    /** One page of {@code size} summaries the naive way; returns how many messages it read. */
    int page(int size) {
        try {
            ListMessagesResponse list = gmail.users().messages().list("me").setMaxResults((long) size).execute();
            List<Message> refs = list.getMessages() == null ? List.of() : list.getMessages();
            for (Message ref : refs) {
                gmail.users().messages().get("me", ref.getId()).setFormat("metadata")
                        .setMetadataHeaders(List.of("Subject", "From", "Date")).execute();
            }
            return refs.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
