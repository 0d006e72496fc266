package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.MagicLink;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.SignIn;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

final class SigningIn implements SignIn {

    private final Transactions transactions;
    private final Clock clock;
    private final Users users;
    private final MagicLinks magicLinks;
    private final BearerTokens bearerTokens;
    private final Outbox outbox;
    private final SecureRandom random;
    private final ChangeBus bus;

    SigningIn(Transactions transactions, Clock clock, Users users, MagicLinks magicLinks, BearerTokens bearerTokens,
              Outbox outbox, SecureRandom random, ChangeBus bus) {
        this.bus = bus;
        this.transactions = transactions;
        this.clock = clock;
        this.users = users;
        this.magicLinks = magicLinks;
        this.bearerTokens = bearerTokens;
        this.outbox = outbox;
        this.random = random;
    }

    @Override
    public void requestLink(Email email, ClientAddress requester) {
        Secret token = Secret.generate(random);
        MagicLink link = MagicLink.issue(token.hash(), email, requester, clock.now());
        transactions.run(() -> {
            magicLinks.add(link);
            outbox.add(new OutboxItem.SendMail(new Mail.SignInLink(email, token, link.expiresAt())), link.createdAt());
            bus.announce(new ChangeBus.OutboxFilled());
        });
    }

    @Override
    public SignedIn verify(Secret token, Optional<DeviceLabel> device) {
        return transactions.inTransaction(() -> {
            Instant now = clock.now();
            MagicLink link = magicLinks.lockByHash(token.hash())
                    .filter(stored -> stored.hash().matches(token))
                    .orElseThrow(() -> new NotFound("sign-in link"));
            MagicLink used = link.consume(now);
            magicLinks.markConsumed(used.hash(), now);
            User user = users.addOrGet(User.register(UserId.random(), used.email(), now)).seenAt(now);
            users.update(user);
            Secret bearer = Secret.generate(random);
            bearerTokens.add(BearerToken.issue(bearer.hash(), user.id(), device, now));
            return new SignedIn(bearer, user);
        });
    }

    @Override
    public void signOut(Secret bearer) {
        transactions.run(() -> bearerTokens.byHash(bearer.hash())
                .filter(stored -> stored.hash().matches(bearer))
                .filter(stored -> stored.revokedAt().isEmpty())
                .ifPresent(stored -> {
                    bearerTokens.update(stored.revoke(clock.now()));
                    bus.announce(new ChangeBus.SignedOut(stored.userId()));
                }));
    }
}
