package dev.gmailserverauth.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The control API of mailbox changes: what happens to a mailbox while nobody looks, each recorded in its Gmail
 * history ({@code users.history.list}) and notified to its watch. A new message arrives with
 * {@link SandboxControl#addMessage}.
 */
public interface SandboxHistoryControl {

    /** Puts labels on a message and takes others off (label ids, or names of user labels), as {@code messages.modify}. */
    void modifyLabels(String email, String messageId, List<String> add, List<String> remove);

    /** Deletes a message for good ({@code messagesDeleted}; a later {@code messages.get} is 404). */
    void deleteMessage(String email, String messageId);

    /** The mailbox's current history id, as {@code users.getProfile} gives it. */
    String historyId(String email);

    /** Drops the mailbox's history records below this id: {@code history.list} from an earlier id answers 404. */
    void expireHistoryBelow(String email, String historyId);

    /** How long history records are kept (default 7 days; Gmail sometimes keeps them only hours). */
    void setHistoryRetention(Duration kept);

    /** The topic of the mailbox's watch, if it has one that has not expired. */
    Optional<String> watchedTopic(String email);

    /** The Google Cloud project id whose topics {@code users.watch} accepts (default {@code sandbox-project}). */
    void setCloudProject(String projectId);
}
