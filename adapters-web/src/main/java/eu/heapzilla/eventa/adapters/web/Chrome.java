package eu.heapzilla.eventa.adapters.web;

import java.util.Optional;

/**
 * What every page's frame shows around its content: the title, who is signed in with their unread
 * count, the form token, and, inside an event, its name and tabs.
 *
 * @param live the event the page follows live, if it does
 */
record Chrome(String title, String lang, Optional<String> userName, long unread, String csrf, Optional<EventTabs> event,
              Optional<String> live, Optional<String> notice, Assets assets) {

    boolean signedIn() {
        return userName.isPresent();
    }

    String asset(String name) {
        return assets.url(name);
    }

    /** The tabs of an open event: its id, title, the reader's role, and which tab is open. */
    record EventTabs(String id, String title, String role, String active) {

        boolean canEdit() {
            return !role.equals("viewer");
        }
    }
}
