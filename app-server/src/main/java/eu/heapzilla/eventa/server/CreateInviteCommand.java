package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.mail.MailLinks;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.in.Administer;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "create-invite", mixinStandardHelpOptions = true,
        description = {"Invite someone into an event without mail: prints the invite link to hand over yourself.",
            "The invite is in the name of the event's longest-standing owner and replaces a pending one to the same address."})
final class CreateInviteCommand implements Callable<Integer> {

    @ParentCommand
    private EventaCommand parent;

    @Option(names = "--event", required = true, paramLabel = "EVENT_ID", converter = CliValues.EventIds.class,
            description = "the event to invite into")
    private EventId event;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS", converter = CliValues.Emails.class,
            description = "whom to invite")
    private Email email;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "editor", converter = CliValues.Roles.class,
            description = "owner, editor or viewer (default: ${DEFAULT-VALUE})")
    private Role role;

    @Override
    public Integer call() {
        try (Toolbox toolbox = Toolbox.open(parent)) {
            Administer.Link link = toolbox.useCases().administer().createInvite(event, email, role);
            parent.out().println("Invite for " + email + " as " + role.name().toLowerCase(Locale.ROOT) + ", valid until "
                    + link.expiresAt() + " (no mail was sent; hand the link over yourself):");
            parent.out().println(MailLinks.invite(toolbox.config().baseUrl(), link.token()));
        }
        return Main.OK;
    }
}
