package eu.heapzilla.eventa.client.ui.components

/**
 * The test tags every data screen shares, prefixed with the screen's name ("checklist.loading", ...).
 * Each screen's tag object extends it, so a test writes `ChecklistTags.LOADING` or `ChecklistTags.ADD`.
 */
@Suppress("PropertyName")
abstract class ScreenTags(val prefix: String) {
    val LOADING = "$prefix.loading"
    val ERROR = "$prefix.error"
    val RETRY = "$prefix.retry"
    val OFFLINE = "$prefix.offline"
    val EMPTY = "$prefix.empty"
    val BACK = "$prefix.back"
    val CONTENT = "$prefix.content"
}

/** Tags of [ConfirmDeleteDialog]; only one is ever open, so they are shared by all screens. */
object ConfirmDeleteTags {
    const val DIALOG = "confirmDelete.dialog"
    const val CONFIRM = "confirmDelete.confirm"
    const val CANCEL = "confirmDelete.cancel"
}
