package dev.gmailserverauth.sandbox.internal.history;

import dev.gmailserverauth.sandbox.SandboxHistoryControl;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link SandboxHistoryControl} on the sandbox's state. */
public final class InMemoryHistoryControl implements SandboxHistoryControl {
    private final SandboxState state;

    public InMemoryHistoryControl(SandboxState state) {
        this.state = state;
    }

    @Override public void modifyLabels(String email, String messageId, List<String> add, List<String> remove) {
        state.mailbox(state.accounts().require(email)).modifyLabels(messageId, List.copyOf(add), List.copyOf(remove));
    }

    @Override public void deleteMessage(String email, String messageId) {
        state.mailbox(state.accounts().require(email)).delete(Objects.requireNonNull(messageId, "messageId"));
    }

    @Override public String historyId(String email) {
        return Long.toString(history(email).current());
    }

    @Override public void expireHistoryBelow(String email, String historyId) {
        long id = GmailHistoryMethods.historyId(Objects.requireNonNull(historyId, "historyId"))
                .orElseThrow(() -> new IllegalArgumentException("not a history id: " + historyId));
        history(email).expireBelow(id);
    }

    @Override public void setHistoryRetention(Duration kept) {
        state.histories().setRetention(kept);
    }

    @Override public Optional<String> watchedTopic(String email) {
        return history(email).currentWatch().map(GmailWatch::topic);
    }

    @Override public void setCloudProject(String projectId) {
        state.histories().setProject(projectId);
    }

    private GmailHistory history(String email) {
        return state.mailbox(state.accounts().require(email)).history();
    }
}
