package dev.gmailserverauth.google.delegation;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.directory.Directory;
import com.google.api.services.directory.model.Member;
import com.google.api.services.directory.model.Members;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.GroupMembership;
import dev.gmailserverauth.domain.model.Impersonation;
import dev.gmailserverauth.domain.model.Scope;
import dev.gmailserverauth.domain.port.DomainGroups;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DomainGroups} on the Admin SDK Directory API
 * (<a href="https://developers.google.com/workspace/admin/directory/reference/rest/v1/members/list">members.list</a>),
 * read as the configured administrator with {@code admin.directory.group.member.readonly} through domain-wide
 * delegation: {@code includeDerivedMembership=true}, so the members of nested groups come in the same listing, 200 a
 * page, every page followed. Members of type {@code GROUP} (their people are listed already) and {@code CUSTOMER}
 * (the whole organisation: enrol with {@code --all}) are left out.
 */
public final class GoogleDomainGroups implements DomainGroups {
    public static final Scope GROUP_MEMBERS_SCOPE = new Scope("https://www.googleapis.com/auth/admin.directory.group.member.readonly");
    static final int PAGE_SIZE = 200;
    private static final Set<String> NOT_PEOPLE = Set.of("GROUP", "CUSTOMER");

    private final ServiceAccountTokens tokens;
    private final Directory directory;
    private final String domain;
    private final EmailAddress admin;

    GoogleDomainGroups(ServiceAccountTokens tokens, Directory directory, String domain, EmailAddress admin) {
        this.tokens = tokens;
        this.directory = directory;
        this.domain = domain;
        this.admin = admin;
    }

    @Override
    public GroupMembership members(EmailAddress group) {
        Impersonation asAdmin = tokens.mint(admin, List.of(GROUP_MEMBERS_SCOPE));
        return asAdmin.fold(granted -> list(group, granted.token().token()), this::refused, this::refused, this::refused, this::refused,
                this::refused, this::refused);
    }

    private GroupMembership refused(Impersonation refusal) {
        return new GroupMembership.Refused("the groups of " + domain + " cannot be read as " + admin.value() + ": " + refusal.explanation());
    }

    private GroupMembership list(EmailAddress group, AccessToken token) {
        Set<EmailAddress> members = new LinkedHashSet<>();
        Optional<String> pageToken = Optional.empty();
        try {
            do {
                Directory.Members.List request = directory.members().list(group.value()).setIncludeDerivedMembership(true)
                        .setMaxResults(PAGE_SIZE).setPageToken(pageToken.orElse(null));
                request.getRequestHeaders().setAuthorization("Bearer " + token.value());
                Members page = request.execute();
                Optional.ofNullable(page.getMembers()).orElse(List.of()).stream().flatMap(m -> person(m).stream()).forEach(members::add);
                pageToken = Optional.ofNullable(page.getNextPageToken()).filter(t -> !t.isBlank());
            } while (pageToken.isPresent());
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() >= 500 || e.getStatusCode() == 429) throw new ProviderUnavailableException("the Directory API did not answer", e);
            if (e.getStatusCode() == 404) {
                return new GroupMembership.Refused("there is no group " + group.value() + " in " + domain + " (the Directory API does not know it)");
            }
            String says = e.getDetails() == null ? e.getStatusMessage() : e.getDetails().getMessage();
            return new GroupMembership.Refused("the Directory API refused to list the members of " + group.value() + " to " + admin.value()
                    + " (HTTP " + e.getStatusCode() + ": " + says + "); GOOGLE_WORKSPACE_ADMIN must be an administrator of the domain");
        } catch (IOException e) {
            throw new ProviderUnavailableException("the Directory API did not answer", e);
        }
        return new GroupMembership.Listed(group, List.copyOf(members));
    }

    /** A member that names a person, by address; a group, the whole customer or a member without an address names none. */
    private static Optional<EmailAddress> person(Member member) {
        if (member.getType() != null && NOT_PEOPLE.contains(member.getType())) return Optional.empty();
        if (member.getEmail() == null || member.getEmail().isBlank()) return Optional.empty();
        try {
            return Optional.of(new EmailAddress(member.getEmail().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}
