package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.ports.in.Administer;

/**
 * The links an operator's verb prints: the operator's terminal is, like a mail, a place a token
 * may go, so this class may reveal one (architecture rule 10). The links are the mails' links.
 */
final class OperatorLinks {

    private OperatorLinks() {
    }

    static String signIn(String baseUrl, Administer.Link link) {
        return baseUrl + "/verify?token=" + link.token().reveal();
    }

    static String invite(String baseUrl, Administer.Link link) {
        return baseUrl + "/invite?token=" + link.token().reveal();
    }
}
