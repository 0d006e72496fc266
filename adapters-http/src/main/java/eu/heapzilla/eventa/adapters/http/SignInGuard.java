package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.member.Email;

/** The sign-in rate limits: per email address and per client address. */
final class SignInGuard {

    private final RateLimiter<String> linksPerEmail;
    private final RateLimiter<String> linksPerAddress;
    private final RateLimiter<String> verifyPerAddress;

    SignInGuard(SignInLimits limits) {
        this.linksPerEmail = new RateLimiter<>("sign-in links for this address", limits.linksPerEmail());
        this.linksPerAddress = new RateLimiter<>("sign-in link requests from your network", limits.linksPerAddress());
        this.verifyPerAddress = new RateLimiter<>("sign-in attempts from your network", limits.verifyPerAddress());
    }

    void linkRequestFrom(ClientAddress client) {
        linksPerAddress.acquire(client.value());
    }

    void linkRequestFor(Email email) {
        linksPerEmail.acquire(email.value());
    }

    void verifyFrom(ClientAddress client) {
        verifyPerAddress.acquire(client.value());
    }
}
