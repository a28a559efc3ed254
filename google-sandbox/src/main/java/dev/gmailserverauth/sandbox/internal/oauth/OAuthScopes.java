package dev.gmailserverauth.sandbox.internal.oauth;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scope names and the rules Google applies to them. */
public final class OAuthScopes {
    public static final String OPENID = "openid";
    public static final String EMAIL = "https://www.googleapis.com/auth/userinfo.email";
    public static final String PROFILE = "https://www.googleapis.com/auth/userinfo.profile";
    /** What Google Cloud session control documents itself for: apps that need this scope. */
    public static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    public static final String GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly";
    public static final String GMAIL_METADATA = "https://www.googleapis.com/auth/gmail.metadata";
    public static final String GMAIL_MODIFY = "https://www.googleapis.com/auth/gmail.modify";
    public static final String GMAIL_COMPOSE = "https://www.googleapis.com/auth/gmail.compose";
    public static final String MAIL = "https://mail.google.com/";
    /** Scopes any of which lets a token read Gmail (discovery document's lists for the read methods). */
    public static final Set<String> GMAIL_READ = Set.of(MAIL, GMAIL_MODIFY, GMAIL_READONLY, GMAIL_METADATA);
    private static final Set<String> SIGN_IN = Set.of(OPENID, EMAIL, PROFILE);

    private OAuthScopes() {}

    /** Splits a space-delimited scope parameter and expands {@code email}/{@code profile} as Google does. */
    public static List<String> parse(String scopeParam) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : Arrays.asList(scopeParam.trim().split("[\\s+]+"))) {
            if (s.isEmpty()) continue;
            out.add(switch (s) {
                case "email" -> EMAIL;
                case "profile" -> PROFILE;
                default -> s;
            });
        }
        return List.copyOf(out);
    }

    public static boolean isKnown(String scope) {
        return scope.equals(OPENID) || scope.equals(MAIL) || scope.startsWith("https://www.googleapis.com/auth/");
    }

    public static boolean isSignIn(String scope) {
        return SIGN_IN.contains(scope);
    }

    public static String join(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    public static boolean canReadGmail(Collection<String> granted) {
        return granted.stream().anyMatch(GMAIL_READ::contains);
    }

    /** Only {@code gmail.metadata} among the Gmail scopes: no {@code q}, no full/raw format. */
    public static boolean metadataOnly(Collection<String> granted) {
        return granted.contains(GMAIL_METADATA) && granted.stream().noneMatch(s -> GMAIL_READ.contains(s) && !s.equals(GMAIL_METADATA));
    }
}
