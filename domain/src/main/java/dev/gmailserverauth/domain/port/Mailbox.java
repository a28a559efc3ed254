package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.ThreadSummary;
import java.util.List;

/**
 * Driven port for reading mail on a user's behalf. Every call names the user and carries their current
 * access token ({@link MailboxAccess}): the token opens the mailbox, the user is whose limits the call spends.
 *
 * <p>Outcomes the caller acts on ({@code 401}, insufficient scope, not found, a rejected argument, a
 * spent quota with the time it frees up) come back as {@link MailboxResponse}. Adapters keep within the
 * provider's per-user limits and retry transient failures themselves, all within one deadline per call,
 * and then throw {@link dev.gmailserverauth.domain.error.ProviderUnavailableException}.
 */
public interface Mailbox {

    /**
     * One page of the messages matching a query, newest first, as ids only (Gmail's {@code messages.list}).
     * An empty mailbox gives an empty page, never an error.
     */
    MailboxResponse<Page<MessageRef>> listMessages(MailboxAccess access, MailQuery query);

    /**
     * The summaries (subject, sender, date, snippet, labels) of these messages, in the same order, in as
     * few round trips as the provider's per-user limits allow (one batch for up to 50). A message deleted
     * in the meantime is left out. Summaries that arrived are never thrown away: if the deadline passes
     * while some are still refused, the answer is partial and names the {@link Summaries#missing() missing} ids.
     */
    MailboxResponse<Summaries> summarize(MailboxAccess access, List<MessageId> ids);

    /** The whole message: headers, bodies, labels, and its attachments described (their bytes come from {@link #getAttachment}). */
    MailboxResponse<Message> getMessage(MailboxAccess access, MessageId id);

    /**
     * The bytes of one attachment of a message (Gmail's {@code messages.attachments.get}), by the id a
     * recent {@link #getMessage} gave. Not found when the message or the attachment is unknown.
     */
    MailboxResponse<AttachmentData> getAttachment(MailboxAccess access, MessageId message, AttachmentId attachment);

    MailboxResponse<Page<ThreadSummary>> listThreads(MailboxAccess access, MailQuery query);

    MailboxResponse<MailThread> getThread(MailboxAccess access, ThreadId id);

    MailboxResponse<List<Label>> listLabels(MailboxAccess access);
}
