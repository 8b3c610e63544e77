package dev.trellis.partner.service;

import dev.trellis.platform.domain.DomainException;
import dev.trellis.platform.domain.StateConflict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The chunks, transactions, dry run and retries of every CSV import (docs/import.md); what a line means is the
 * import's own {@link Steps}.
 *
 * <p>A real run commits every {@value #CHUNK} lines: memory stays flat whatever the file's size, and a run that
 * stops half-way leaves whole chunks behind; running the file again finds those lines unchanged and does the rest.
 * A line a service refuses after all (a concurrent edit) rolls its chunk back, and the chunk is done again
 * without it. A dry run does the same work in one transaction that is rolled back at the end, so it answers,
 * line by line, what the real run would.
 */
@ApplicationScoped
public class ImportRunner {
    static final int CHUNK = 500;
    /** A dry run is one transaction: long enough for a large file. */
    private static final int DRY_RUN_TIMEOUT_SECONDS = 3600;
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    /**
     * What one import does with a chunk of its lines, inside the chunk's transaction.
     *
     * @param <C> the command of a line
     * @param <K> what a chunk looked up and what it wrote so far
     */
    interface Steps<C, K> {
        /** Looks up, in as few queries as it can, what these lines (those to be applied) need. */
        K lookUp(List<C> commands);

        /** Applies one line; throws a service's exception to refuse it (the chunk is then done again without it). */
        ImportResult apply(ImportLine<C> line, K known);

        /**
         * Whether each line is written (flushed) and the session cleared before the next, for an import whose
         * lines go through write paths that query as they go (each query would flush and dirty-check the whole
         * chunk); {@link #lookUp}'s answer must then hold no entities.
         */
        default boolean linesApart() {
            return false;
        }

        /** Writes what the chunk left to write in batches (rows, events); by default nothing. */
        default void finish(K known) {
        }
    }

    private final EntityManager em;

    public ImportRunner(EntityManager em) {
        this.em = em;
    }

    /**
     * Imports the lines in order, handing each line's result to {@code results} as its chunk is done (in a dry
     * run, before anything is rolled back). Not {@code @Transactional}: it makes its own transactions.
     */
    <C, K> void run(Iterator<ImportLine<C>> lines, boolean dryRun, Steps<C, K> steps, Consumer<ImportResult> results) {
        if (dryRun) {
            try {
                dryRun(lines, steps, results);
            } catch (DryRunDone done) {
                // rolled back, as a dry run always is
            }
            return;
        }
        realRun(lines, steps, results);
    }

    /** The whole file in one transaction, rolled back at the end (by {@link DryRunDone}). */
    private <C, K> void dryRun(Iterator<ImportLine<C>> lines, Steps<C, K> steps, Consumer<ImportResult> results) {
        QuarkusTransaction.requiringNew().timeout(DRY_RUN_TIMEOUT_SECONDS).run(() -> {
            while (lines.hasNext()) {
                List<ImportLine<C>> chunk = next(lines);
                List<ImportResult> done;
                try {
                    done = apply(chunk, steps, Map.of(), false);
                } catch (LineFailed | ChunkFailed failed) {
                    long line = failed instanceof LineFailed lineFailed ? lineFailed.line : chunk.get(0).line();
                    throw StateConflict.of("import-interrupted", "Import interrupted",
                            "Line " + line + " changed while the dry run ran; run it again");
                }
                done.forEach(results);
            }
            throw new DryRunDone();
        });
    }

    /**
     * Chunk by chunk, each in its own transaction, written in batches. A chunk whose batch fails (a concurrent
     * edit) is done again line by line, each line flushed, to find the line at fault; that line is refused with
     * the reason, and the chunk is done again without it.
     */
    private <C, K> void realRun(Iterator<ImportLine<C>> lines, Steps<C, K> steps, Consumer<ImportResult> results) {
        while (lines.hasNext()) {
            List<ImportLine<C>> chunk = next(lines);
            Map<Integer, ImportResult> failed = new HashMap<>();
            List<ImportResult> done = null;
            boolean lineByLine = false;
            while (done == null) {
                boolean flushEachLine = lineByLine;
                try {
                    done = QuarkusTransaction.requiringNew().call(() -> apply(chunk, steps, failed, flushEachLine));
                } catch (LineFailed f) {
                    ImportLine<C> line = chunk.get(f.index);
                    failed.put(f.index, ImportResult.refused(line, f.reason));
                } catch (ChunkFailed f) {
                    if (lineByLine) {
                        throw f.getCause() instanceof RuntimeException cause ? cause : f;
                    }
                    lineByLine = true;
                }
            }
            done.forEach(results);
        }
    }

    private static <C> List<ImportLine<C>> next(Iterator<ImportLine<C>> lines) {
        List<ImportLine<C>> chunk = new ArrayList<>(CHUNK);
        while (chunk.size() < CHUNK && lines.hasNext()) {
            chunk.add(lines.next());
        }
        return chunk;
    }

    /**
     * The lines of one chunk in the caller's transaction; those in {@code failed} are refused as recorded there,
     * those refused by their reader are answered as such, the others applied in order (a later line sees what an
     * earlier one did), then the chunk is finished and the session cleared (memory stays flat).
     */
    private <C, K> List<ImportResult> apply(List<ImportLine<C>> chunk, Steps<C, K> steps,
            Map<Integer, ImportResult> failed, boolean flushEachLine) {
        List<C> commands = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            ImportLine<C> line = chunk.get(i);
            if (line.refusal() == null && !failed.containsKey(i)) {
                commands.add(line.command());
            }
        }
        K known = planningForTheirValues(() -> steps.lookUp(commands));
        List<ImportResult> done = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            ImportLine<C> line = chunk.get(i);
            ImportResult refused = failed.get(i);
            if (refused != null) {
                done.add(refused);
                continue;
            }
            if (line.refusal() != null) {
                done.add(ImportResult.refused(line, line.refusal()));
                continue;
            }
            try {
                done.add(steps.apply(line, known));
                if (flushEachLine || steps.linesApart()) {
                    em.flush();
                }
                if (steps.linesApart()) {
                    em.clear();
                }
            } catch (RuntimeException e) {
                throw new LineFailed(i, line.line(), reasonOf(e));
            }
        }
        try {
            steps.finish(known);
        } catch (RuntimeException e) {
            throw new ChunkFailed(e);
        }
        em.clear();
        return done;
    }

    /**
     * A chunk's look-ups, each planned by PostgreSQL for the values it is given. An import fills the tables it
     * looks up in as it goes, and a plan PostgreSQL cached when the table was small (a sequential scan) stays in
     * use until the table is next analysed: the first import into an empty database scanned every contact row
     * against each chunk's 500 addresses, chunk after chunk ({@code plan_cache_mode}). The chunk's writes keep
     * their cached plans (their planning would cost more than it gains).
     */
    private <K> K planningForTheirValues(Supplier<K> lookUp) {
        em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
        try {
            return lookUp.get();
        } finally {
            // back to what the session would have without this (the database's or the role's setting, or auto)
            em.createNativeQuery("select set_config(name, reset_val, true) from pg_settings"
                    + " where name = 'plan_cache_mode'").getSingleResult();
        }
    }

    private static String reasonOf(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain.detail();
            }
        }
        LOG.warnf("An import line could not be saved: %s", e.getClass().getName());
        return "could not be saved";
    }

    /** Ends a dry run's transaction by rolling it back. */
    private static final class DryRunDone extends RuntimeException {
        DryRunDone() {
            super("dry run", null, false, false);
        }
    }

    /** A chunk whose batched write failed: it is done again line by line to find the line at fault. */
    private static final class ChunkFailed extends RuntimeException {
        ChunkFailed(RuntimeException cause) {
            super("chunk failed", cause, false, false);
        }
    }

    /** A line a service refused inside a chunk: the chunk is rolled back and done again without it. */
    private static final class LineFailed extends RuntimeException {
        final int index;
        final long line;
        final String reason;

        LineFailed(int index, long line, String reason) {
            super(reason, null, false, false);
            this.index = index;
            this.line = line;
            this.reason = reason;
        }
    }
}
