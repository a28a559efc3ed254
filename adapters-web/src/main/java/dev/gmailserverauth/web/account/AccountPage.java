package dev.gmailserverauth.web.account;

import dev.gmailserverauth.web.shared.Chrome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection page: what the app holds for the person, in words, and the bounded history of their
 * grant. Every field is already formatted for the page.
 */
public record AccountPage(Chrome chrome, Optional<Connection> connection, Optional<String> hold, List<Line> history,
                          String connectUrl) {

    /** The stored grant. */
    public record Connection(String email, String connectedSince, List<String> scopes, Optional<String> accessEndsOn,
                             boolean renewalOffered, String renewUrl, String lastRenewed) {
        public Connection {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(connectedSince, "connectedSince");
            scopes = List.copyOf(scopes);
            Objects.requireNonNull(accessEndsOn, "accessEndsOn");
            Objects.requireNonNull(renewUrl, "renewUrl");
            Objects.requireNonNull(lastRenewed, "lastRenewed");
        }
    }

    /** One history entry: when, what (a stable code and its words), and the detail Google gave. */
    public record Line(String at, String code, String what, String detail) {
        public Line {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public AccountPage {
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(hold, "hold");
        history = List.copyOf(history);
        Objects.requireNonNull(connectUrl, "connectUrl");
    }
}
