package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.ports.in.PurgeExpiredSecrets;
import eu.heapzilla.eventa.ports.service.UseCases;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Delete what can never be used again: expired or used sign-in links, signed-out bearers, and",
            "delivered outbox items old enough not to matter. A running server does this every hour by itself."})
final class PurgeCommand implements Callable<Integer> {

    @ParentCommand
    private EventaCommand parent;

    @Override
    public Integer call() {
        try (Toolbox toolbox = Toolbox.open(parent)) {
            UseCases useCases = toolbox.useCases();
            PurgeExpiredSecrets.Purged secrets = useCases.purgeExpiredSecrets().purge();
            int outbox = useCases.deliverOutbox().purge();
            parent.out().println("purged " + secrets.magicLinks() + " sign-in link(s), " + secrets.bearerTokens()
                    + " bearer(s) and " + outbox + " outbox item(s) or push window(s)");
        }
        return Main.OK;
    }
}
