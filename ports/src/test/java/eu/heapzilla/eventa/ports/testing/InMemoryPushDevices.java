package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.PushDevice;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.out.PushDevices;
import java.util.Comparator;
import java.util.List;

/** {@link PushDevices} in a map keyed by token. */
public final class InMemoryPushDevices extends InMemoryTable<PushToken, PushDevice> implements PushDevices {

    private static final Comparator<PushDevice> NEWEST_FIRST =
            Comparator.comparing(PushDevice::registeredAt).reversed();

    public InMemoryPushDevices(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public void register(PushDevice device, int keep) {
        transactions.run(() -> {
            rows.remove(device.token());
            rows.put(device.token(), device);
            ofUser(device.user()).stream().skip(keep).forEach(old -> rows.remove(old.token()));
        });
    }

    @Override
    public boolean remove(UserId user, PushToken token) {
        return transactions.inTransaction(() -> {
            PushDevice device = rows.get(token);
            return device != null && device.user().equals(user) && rows.remove(token) != null;
        });
    }

    @Override
    public void forget(PushToken token) {
        transactions.run(() -> rows.remove(token));
    }

    @Override
    public List<PushDevice> ofUser(UserId user) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(device -> device.user().equals(user))
                .sorted(NEWEST_FIRST)
                .toList());
    }
}
