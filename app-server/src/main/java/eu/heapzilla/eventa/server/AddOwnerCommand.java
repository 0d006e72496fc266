package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.mail.MailLinks;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.in.Administer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "add-owner", mixinStandardHelpOptions = true,
        description = {"Let someone in without mail: prints a one-time sign-in link for their address (their account",
            "is created when they use it) and, with --event, makes them an owner of that event at once.",
            "On a new server, this is how the first person gets in when no mail is set up."})
final class AddOwnerCommand implements Callable<Integer> {

    @ParentCommand
    private EventaCommand parent;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS", converter = CliValues.Emails.class,
            description = "the person's address")
    private Email email;

    @Option(names = "--event", paramLabel = "EVENT_ID", converter = CliValues.EventIds.class,
            description = "an event to make them an owner of (a member is promoted)")
    private EventId event;

    @Override
    public Integer call() {
        try (Toolbox toolbox = Toolbox.open(parent)) {
            Administer administer = toolbox.useCases().administer();
            if (event != null) {
                administer.addOwner(event, email);
                parent.out().println(email + " is an owner of event " + event + ".");
            }
            Administer.Link link = administer.signInLink(email);
            parent.out().println("One-time sign-in link for " + email + ", valid until " + link.expiresAt()
                    + " (no mail was sent; hand it over yourself):");
            parent.out().println(MailLinks.signIn(toolbox.config().baseUrl(), link.token()));
        }
        return Main.OK;
    }
}
