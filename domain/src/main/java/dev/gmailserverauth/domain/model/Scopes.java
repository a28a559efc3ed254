package dev.gmailserverauth.domain.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of scopes, as requested or as actually granted (granular consent may grant fewer). */
public record Scopes(Set<Scope> values) {
    /** What this application asks for: read the mailbox, know who the user is. */
    public static final Scopes REQUESTED = Scopes.of(Scope.GMAIL_READONLY, Scope.USERINFO_EMAIL);

    /** Google sign-in only, for a person of the Workspace domain: who they are, nothing of their mail. */
    public static final Scopes SIGN_IN_ONLY = Scopes.of(Scope.OPENID, Scope.EMAIL);

    private static final Set<Scope> GMAIL_READ_SCOPES = Set.of(Scope.GMAIL_READONLY, Scope.GMAIL_MODIFY, Scope.GMAIL_FULL);

    public Scopes {
        Objects.requireNonNull(values, "values");
        values = Set.copyOf(values);
    }

    public static Scopes of(Scope... scopes) {
        return new Scopes(new LinkedHashSet<>(Arrays.asList(scopes)));
    }

    public static Scopes of(Collection<Scope> scopes) {
        return new Scopes(new LinkedHashSet<>(scopes));
    }

    /** Parses the space-delimited {@code scope} field of a token response. */
    public static Scopes parse(String spaceDelimited) {
        if (spaceDelimited == null || spaceDelimited.isBlank()) return new Scopes(Set.of());
        return new Scopes(Arrays.stream(spaceDelimited.trim().split("\\s+")).map(Scope::new).collect(Collectors.toSet()));
    }

    public boolean includes(Scope scope) {
        return values.contains(scope);
    }

    /** True when any granted scope lets the application read Gmail messages. */
    public boolean grantsGmailRead() {
        return values.stream().anyMatch(GMAIL_READ_SCOPES::contains);
    }

    /** The scopes as one space-delimited string, sorted so equal sets print equally. */
    public String toSpaceDelimited() {
        return values.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
    }
}
