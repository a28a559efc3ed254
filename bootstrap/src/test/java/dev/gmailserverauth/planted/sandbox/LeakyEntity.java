package dev.gmailserverauth.planted.sandbox;

/** Planted violation: a sandbox type named like a domain type ({@code planted.domain.LeakyEntity}). */
public final class LeakyEntity {
}
