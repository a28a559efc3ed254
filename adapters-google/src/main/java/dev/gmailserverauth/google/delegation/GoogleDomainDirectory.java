package dev.gmailserverauth.google.delegation;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.directory.Directory;
import com.google.api.services.directory.model.User;
import com.google.api.services.directory.model.Users;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.DirectoryListing;
import dev.gmailserverauth.domain.model.DirectoryUser;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.Impersonation;
import dev.gmailserverauth.domain.model.Scope;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.DomainDirectory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link DomainDirectory} on the Admin SDK Directory API
 * (<a href="https://developers.google.com/workspace/admin/directory/reference/rest/v1/users/list">users.list</a>),
 * read as the configured administrator with {@code admin.directory.user.readonly} through domain-wide delegation,
 * 500 users a page, every page followed.
 */
public final class GoogleDomainDirectory implements DomainDirectory {
    public static final Scope DIRECTORY_SCOPE = new Scope("https://www.googleapis.com/auth/admin.directory.user.readonly");
    static final int PAGE_SIZE = 500;

    private final ServiceAccountTokens tokens;
    private final Directory directory;
    private final String domain;
    private final EmailAddress admin;

    GoogleDomainDirectory(ServiceAccountTokens tokens, Directory directory, String domain, EmailAddress admin) {
        this.tokens = tokens;
        this.directory = directory;
        this.domain = domain;
        this.admin = admin;
    }

    @Override
    public DirectoryListing users() {
        Impersonation asAdmin = tokens.mint(admin, List.of(DIRECTORY_SCOPE));
        return asAdmin.fold(granted -> list(granted.token().token()), this::refused, this::refused, this::refused, this::refused,
                this::refused, this::refused);
    }

    private DirectoryListing refused(Impersonation refusal) {
        return new DirectoryListing.Refused("the directory of " + domain + " cannot be read as " + admin.value() + ": " + refusal.explanation());
    }

    private DirectoryListing list(AccessToken token) {
        List<DirectoryUser> users = new ArrayList<>();
        Optional<String> pageToken = Optional.empty();
        try {
            do {
                Directory.Users.List request = directory.users().list().setDomain(domain).setMaxResults(PAGE_SIZE).setOrderBy("email")
                        .setPageToken(pageToken.orElse(null));
                request.getRequestHeaders().setAuthorization("Bearer " + token.value());
                Users page = request.execute();
                Optional.ofNullable(page.getUsers()).orElse(List.of()).forEach(u -> users.add(user(u)));
                pageToken = Optional.ofNullable(page.getNextPageToken()).filter(t -> !t.isBlank());
            } while (pageToken.isPresent());
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() >= 500 || e.getStatusCode() == 429) throw new ProviderUnavailableException("the Directory API did not answer", e);
            String says = e.getDetails() == null ? e.getStatusMessage() : e.getDetails().getMessage();
            return new DirectoryListing.Refused("the Directory API refused to list the users of " + domain + " to " + admin.value()
                    + " (HTTP " + e.getStatusCode() + ": " + says + "); GOOGLE_WORKSPACE_ADMIN must be an administrator of the domain");
        } catch (IOException e) {
            throw new ProviderUnavailableException("the Directory API did not answer", e);
        }
        return new DirectoryListing.Listed(users);
    }

    private static DirectoryUser user(User user) {
        DirectoryUser.Status status = Boolean.TRUE.equals(user.getSuspended()) ? DirectoryUser.Status.SUSPENDED
                : Boolean.TRUE.equals(user.getArchived()) ? DirectoryUser.Status.ARCHIVED
                : Boolean.FALSE.equals(user.getIsMailboxSetup()) ? DirectoryUser.Status.NO_MAILBOX
                : DirectoryUser.Status.ACTIVE;
        String name = user.getName() == null || user.getName().getFullName() == null ? user.getPrimaryEmail() : user.getName().getFullName();
        return new DirectoryUser(new UserId(user.getId()), new EmailAddress(user.getPrimaryEmail().toLowerCase(java.util.Locale.ROOT)), name, status);
    }
}
