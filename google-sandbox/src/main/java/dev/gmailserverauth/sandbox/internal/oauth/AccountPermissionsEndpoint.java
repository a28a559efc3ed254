package dev.gmailserverauth.sandbox.internal.oauth;

import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GooglePages;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /myaccount/permissions?authuser=<email>} (the apps with access to that account) and
 * {@code POST /myaccount/permissions/remove} ({@code authuser}, {@code client_id}): removes the app's access, then
 * back to the list. The sandbox asks nobody to sign in to their account page.
 */
final class AccountPermissionsEndpoint {
    private final SandboxState state;
    private final AppAccessRemoval removal;

    public AccountPermissionsEndpoint(SandboxState state, AppAccessRemoval removal) {
        this.state = state;
        this.removal = removal;
    }

    public ApiResponse show(ApiRequest request) {
        Optional<String> user = request.queryParam("authuser");
        if (user.isEmpty()) return ApiResponse.html(200, AccountPermissionsPage.chooser(state.accounts().all()));
        Optional<Account> account = state.accounts().byEmail(user.get());
        if (account.isEmpty()) return noSuchAccount();
        return ApiResponse.html(200, AccountPermissionsPage.render(account.get(), state.oauth().grantsOf(account.get().id()),
                request.queryParam("removed")));
    }

    public ApiResponse remove(ApiRequest request) {
        Optional<Account> account = request.formParam("authuser").flatMap(e -> state.accounts().byEmail(e));
        if (account.isEmpty()) return noSuchAccount();
        Optional<String> clientId = request.formParam("client_id").filter(c -> !c.isBlank());
        if (clientId.isEmpty()) return ApiResponse.html(400, GooglePages.errorPage("invalid_request", "Missing client_id."));
        removal.remove(account.get(), clientId.get());
        return ApiResponse.redirect(AccountPermissionsPage.link(account.get().email()) + "&removed="
                + URLEncoder.encode(clientId.get(), StandardCharsets.UTF_8));
    }

    private static ApiResponse noSuchAccount() {
        return ApiResponse.html(404, GooglePages.errorPage(404, "not_found", "No such Google Account in this sandbox."));
    }
}
