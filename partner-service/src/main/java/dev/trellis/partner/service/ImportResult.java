package dev.trellis.partner.service;

/**
 * What an import did, or in a dry run would do, with one line.
 *
 * @param reason what changed, what was kept, or why the line was refused; empty when there is nothing to say
 */
public record ImportResult(long line, String key, Outcome outcome, String reason) {
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REFUSED
    }

    static ImportResult refused(ImportLine<?> line, String reason) {
        return new ImportResult(line.line(), line.key(), Outcome.REFUSED, reason);
    }
}
