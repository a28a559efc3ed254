package dev.gmailserverauth.web.account;

import dev.gmailserverauth.application.DescribeUser;
import dev.gmailserverauth.application.Disconnect;
import dev.gmailserverauth.application.ViewAccount;
import java.util.Objects;

/** What the person's connection calls: viewing it, who they are ({@code /api/me}), and disconnecting. */
public record AccountUseCases(ViewAccount viewAccount, DescribeUser describeUser, Disconnect disconnect) {
    public AccountUseCases {
        Objects.requireNonNull(viewAccount, "viewAccount");
        Objects.requireNonNull(describeUser, "describeUser");
        Objects.requireNonNull(disconnect, "disconnect");
    }
}
