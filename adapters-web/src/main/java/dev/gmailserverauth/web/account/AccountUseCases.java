package dev.gmailserverauth.web.account;

import dev.gmailserverauth.application.DescribeUser;
import dev.gmailserverauth.application.Disconnect;
import dev.gmailserverauth.application.ListAccounts;
import dev.gmailserverauth.application.ViewAccount;
import java.util.Objects;

/** What the person's connection calls: viewing it, who they are ({@code /api/me}), their accounts, and disconnecting one. */
public record AccountUseCases(ViewAccount viewAccount, DescribeUser describeUser, Disconnect disconnect, ListAccounts listAccounts) {
    public AccountUseCases {
        Objects.requireNonNull(viewAccount, "viewAccount");
        Objects.requireNonNull(describeUser, "describeUser");
        Objects.requireNonNull(disconnect, "disconnect");
        Objects.requireNonNull(listAccounts, "listAccounts");
    }
}
