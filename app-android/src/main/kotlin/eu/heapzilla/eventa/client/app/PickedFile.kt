package eu.heapzilla.eventa.client.app

/** A file the person chose to attach (a receipt): its name, media type and bytes. */
class PickedFile(val name: String, val mediaType: String, val bytes: ByteArray) {

    companion object {
        private val TYPES = mapOf(
            "jpg" to "image/jpeg", "jpeg" to "image/jpeg", "png" to "image/png", "webp" to "image/webp",
            "heic" to "image/heic", "pdf" to "application/pdf",
        )

        /** The media type for a file name's extension; the server judges the bytes anyway. */
        fun mediaTypeOf(name: String): String =
            TYPES[name.substringAfterLast('.', "").lowercase()] ?: "application/octet-stream"
    }
}
