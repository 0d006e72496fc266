package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.Authenticate;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Instant;

final class Authenticating implements Authenticate {

    private final Transactions transactions;
    private final Clock clock;
    private final Users users;
    private final BearerTokens bearerTokens;

    Authenticating(Transactions transactions, Clock clock, Users users, BearerTokens bearerTokens) {
        this.transactions = transactions;
        this.clock = clock;
        this.users = users;
        this.bearerTokens = bearerTokens;
    }

    @Override
    public UserId authenticate(Secret bearer) {
        return transactions.inTransaction(() -> {
            BearerToken token = bearerTokens.byHash(bearer.hash())
                    .filter(stored -> stored.hash().matches(bearer))
                    .orElseThrow(() -> new Unauthenticated("this bearer is not known; sign in again"));
            token.checkUsable();
            Instant now = clock.now();
            if (token.worthRecordingUseAt(now)) {
                bearerTokens.update(token.usedAt(now));
                users.byId(token.userId()).ifPresent(user -> users.update(user.seenAt(now)));
            }
            return token.userId();
        });
    }
}
