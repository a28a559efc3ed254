package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.application.GetAttachment;
import dev.gmailserverauth.application.GetMessage;
import dev.gmailserverauth.application.GetThread;
import dev.gmailserverauth.application.ListLabels;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.ListThreads;
import java.util.Objects;

/** What reading mail calls: the person's grant, once per request, and the Gmail use cases run with it. */
public record MailUseCases(AuthorizedAccess access, ListMessages listMessages, GetMessage getMessage, ListLabels listLabels,
                           ListThreads listThreads, GetThread getThread, GetAttachment getAttachment) {
    public MailUseCases {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(listMessages, "listMessages");
        Objects.requireNonNull(getMessage, "getMessage");
        Objects.requireNonNull(listLabels, "listLabels");
        Objects.requireNonNull(listThreads, "listThreads");
        Objects.requireNonNull(getThread, "getThread");
        Objects.requireNonNull(getAttachment, "getAttachment");
    }
}
