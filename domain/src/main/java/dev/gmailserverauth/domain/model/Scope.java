package dev.gmailserverauth.domain.model;

/** One OAuth 2.0 scope, as the full URL or one of the short OpenID names. */
public record Scope(String value) {
    public static final Scope GMAIL_READONLY = new Scope("https://www.googleapis.com/auth/gmail.readonly");
    public static final Scope GMAIL_MODIFY = new Scope("https://www.googleapis.com/auth/gmail.modify");
    public static final Scope GMAIL_FULL = new Scope("https://mail.google.com/");
    public static final Scope USERINFO_EMAIL = new Scope("https://www.googleapis.com/auth/userinfo.email");
    public static final Scope USERINFO_PROFILE = new Scope("https://www.googleapis.com/auth/userinfo.profile");
    /** OpenID Connect's sign-in scopes, as Google's sign-in asks for them. */
    public static final Scope OPENID = new Scope("openid");
    public static final Scope EMAIL = new Scope("email");

    public Scope {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("scope is blank");
        if (value.chars().anyMatch(Character::isWhitespace)) throw new IllegalArgumentException("scope contains white space");
    }
}
