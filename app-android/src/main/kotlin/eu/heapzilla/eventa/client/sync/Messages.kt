package eu.heapzilla.eventa.client.sync

import eu.heapzilla.eventa.client.api.ApiException
import java.io.IOException

/** The sentence a screen shows for a failed call: the server's own words, or that it cannot be reached. */
fun messageFor(failure: IOException): String = (failure as? ApiException)?.detail ?: CANT_REACH_SERVER

internal const val CANT_REACH_SERVER = "Can't reach the server"
