package eu.heapzilla.eventa.adapters.http;

/** A request body that is not the JSON a route expects; {@code field} is empty for the whole body. */
final class BadRequestBody extends RuntimeException {

    private final String field;

    BadRequestBody(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
