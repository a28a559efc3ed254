package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AccessToken;

/**
 * How a {@link MailboxGrant} gets a fresh access token after the provider refused its current one (401): the
 * grant knows when to ask, the composition of the request ({@link AuthorizedAccess}) knows how.
 */
@FunctionalInterface
public interface TokenRenewal {

    /** A token to use instead of {@code rejected}, or why there is none and the person must consent again. */
    Renewal renewAfterRejection(AccessToken rejected);
}
