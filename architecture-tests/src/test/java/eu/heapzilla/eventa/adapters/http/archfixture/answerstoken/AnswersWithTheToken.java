package eu.heapzilla.eventa.adapters.http.archfixture.answerstoken;

import eu.heapzilla.eventa.domain.access.Secret;

/** Keeps rule 10: the HTTP adapter puts a fresh bearer in its answer. */
public class AnswersWithTheToken {

    String answer(Secret bearer) {
        return "bearer " + bearer.reveal();
    }
}
