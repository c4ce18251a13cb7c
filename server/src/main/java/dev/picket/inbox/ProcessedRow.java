package dev.picket.inbox;

/**
 * The outcome of processing one inbox row.
 *
 * @param id    the row's id
 * @param error why it could not be processed, or null when it was
 */
public record ProcessedRow(long id, String error) {

    public static ProcessedRow done(long id) {
        return new ProcessedRow(id, null);
    }

    public static ProcessedRow failed(long id, String error) {
        return new ProcessedRow(id, error);
    }
}
