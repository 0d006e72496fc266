package eu.heapzilla.eventa.client.app

import eu.heapzilla.eventa.client.ui.Destination

/** Where the app is: the screen shown, and what "back" leads to. */
sealed interface Screen {

    data object SignIn : Screen

    data object Events : Screen

    data class Dashboard(val eventId: String) : Screen

    /** One of the screens the dashboard leads to. */
    data class Section(val eventId: String, val destination: Destination) : Screen

    /** The screen "back" goes to; null at the top. */
    fun up(): Screen? = when (this) {
        SignIn, Events -> null
        is Dashboard -> Events
        is Section -> Dashboard(eventId)
    }
}
