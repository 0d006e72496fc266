package eu.heapzilla.eventa.adapters.mail.archfixture.sender;

import eu.heapzilla.eventa.ports.out.Clock;
import java.util.ArrayList;
import java.util.List;

/** Keeps rule 3 on its own: a mail adapter class that knows only the ports. */
public final class MailSender {

    private final Clock clock;
    private final List<String> sent = new ArrayList<>();

    public MailSender(Clock clock) {
        this.clock = clock;
    }

    public void send(String address) {
        sent.add(address + " at " + clock.now());
    }
}
