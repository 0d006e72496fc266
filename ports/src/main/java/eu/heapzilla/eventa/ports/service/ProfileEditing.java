package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.EditProfile;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;

final class ProfileEditing implements EditProfile {

    private final Transactions transactions;
    private final Users users;

    ProfileEditing(Transactions transactions, Users users) {
        this.transactions = transactions;
        this.users = users;
    }

    @Override
    public User rename(UserId id, DisplayName name) {
        return transactions.inTransaction(() -> {
            User renamed = users.byId(id).orElseThrow(() -> new NotFound("user")).renamed(name);
            users.update(renamed);
            return renamed;
        });
    }
}
