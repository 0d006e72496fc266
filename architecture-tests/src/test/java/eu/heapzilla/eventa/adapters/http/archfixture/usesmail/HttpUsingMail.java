package eu.heapzilla.eventa.adapters.http.archfixture.usesmail;

import eu.heapzilla.eventa.adapters.mail.archfixture.sender.MailSender;

/** Breaks rule 3: the HTTP adapter calling the mail adapter directly. */
public final class HttpUsingMail {

    private HttpUsingMail() {}

    public static void invite(MailSender sender, String address) {
        sender.send(address);
    }
}
