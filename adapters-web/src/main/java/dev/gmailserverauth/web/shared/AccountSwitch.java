package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.application.ListAccounts;
import dev.gmailserverauth.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the header's account switcher: the address, where it leads ({@code /messages?account=<id>}, or
 * back through consent when the account needs reconnecting), its state in words, and whether this page shows it.
 */
public record AccountSwitch(String id, String email, String href, String state, String stateWords, boolean current) {
    public AccountSwitch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateWords, "stateWords");
    }

    static AccountSwitch of(ListAccounts.AccountState account, Optional<UserId> shown) {
        String id = account.account().account().value();
        boolean connected = account.state() == ListAccounts.State.CONNECTED;
        String href = connected ? Links.messagesOf(account.account().account()) : Links.renew(account.account().email());
        return new AccountSwitch(id, account.account().email().value(), href, stateCode(account.state()),
                connected ? "connected" : "needs reconnecting", shown.filter(account.account().account()::equals).isPresent());
    }

    /** The state as the API names it. */
    public static String stateCode(ListAccounts.State state) {
        return switch (state) {
            case CONNECTED -> "connected";
            case NEEDS_RECONNECTING -> "needs_reconnecting";
        };
    }
}
