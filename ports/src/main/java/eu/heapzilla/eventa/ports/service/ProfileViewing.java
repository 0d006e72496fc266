package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.ViewProfile;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;

final class ProfileViewing implements ViewProfile {

    private final Transactions transactions;
    private final Users users;

    ProfileViewing(Transactions transactions, Users users) {
        this.transactions = transactions;
        this.users = users;
    }

    @Override
    public User profile(UserId id) {
        return transactions.inTransaction(() -> users.byId(id)).orElseThrow(() -> new NotFound("user"));
    }
}
