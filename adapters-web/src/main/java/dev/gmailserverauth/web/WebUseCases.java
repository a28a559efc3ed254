package dev.gmailserverauth.web;

import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.application.BeginAuthorization;
import dev.gmailserverauth.application.CompleteAuthorization;
import dev.gmailserverauth.application.DescribeUser;
import dev.gmailserverauth.application.Disconnect;
import dev.gmailserverauth.application.EndSession;
import dev.gmailserverauth.application.GetAttachment;
import dev.gmailserverauth.application.GetMessage;
import dev.gmailserverauth.application.GetThread;
import dev.gmailserverauth.application.HandleSecurityEvent;
import dev.gmailserverauth.application.ListLabels;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.ListThreads;
import dev.gmailserverauth.application.ResolveSession;
import dev.gmailserverauth.application.StartSession;
import dev.gmailserverauth.application.ViewAccount;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** Everything the web front calls: use cases only, never an adapter. */
public record WebUseCases(
        AuthorizedAccess authorizedAccess,
        BeginAuthorization begin,
        CompleteAuthorization complete,
        ListMessages listMessages,
        GetMessage getMessage,
        ListLabels listLabels,
        ListThreads listThreads,
        GetThread getThread,
        GetAttachment getAttachment,
        Disconnect disconnect,
        StartSession startSession,
        ResolveSession resolveSession,
        EndSession endSession,
        DescribeUser describeUser,
        ViewAccount viewAccount,
        HandleSecurityEvent handleSecurityEvent,
        BooleanSupplier databaseHealthy) {

    public WebUseCases {
        Objects.requireNonNull(authorizedAccess, "authorizedAccess");
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(complete, "complete");
        Objects.requireNonNull(listMessages, "listMessages");
        Objects.requireNonNull(getMessage, "getMessage");
        Objects.requireNonNull(listLabels, "listLabels");
        Objects.requireNonNull(listThreads, "listThreads");
        Objects.requireNonNull(getThread, "getThread");
        Objects.requireNonNull(getAttachment, "getAttachment");
        Objects.requireNonNull(disconnect, "disconnect");
        Objects.requireNonNull(startSession, "startSession");
        Objects.requireNonNull(resolveSession, "resolveSession");
        Objects.requireNonNull(endSession, "endSession");
        Objects.requireNonNull(describeUser, "describeUser");
        Objects.requireNonNull(viewAccount, "viewAccount");
        Objects.requireNonNull(handleSecurityEvent, "handleSecurityEvent");
        Objects.requireNonNull(databaseHealthy, "databaseHealthy");
    }
}
