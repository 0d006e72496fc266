package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushDevice;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.in.ManagePushDevices;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.PushDevices;
import eu.heapzilla.eventa.ports.out.Transactions;

final class PushDeviceManaging implements ManagePushDevices {

    private final Transactions transactions;
    private final Clock clock;
    private final PushDevices devices;

    PushDeviceManaging(Transactions transactions, Clock clock, PushDevices devices) {
        this.transactions = transactions;
        this.clock = clock;
        this.devices = devices;
    }

    @Override
    public void register(UserId user, SecretHash bearer, PushToken token, Platform platform) {
        transactions.run(() -> devices.register(new PushDevice(token, user, platform, bearer, clock.now()),
                PushDevice.MAX_PER_USER));
    }

    @Override
    public void remove(UserId user, PushToken token) {
        if (!transactions.inTransaction(() -> devices.remove(user, token))) {
            throw new NotFound("push token");
        }
    }
}
