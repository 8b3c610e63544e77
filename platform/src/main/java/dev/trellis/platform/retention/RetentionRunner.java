package dev.trellis.platform.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Applies every {@link RetentionRules} bean of the service once a day: for each rule, its statement in
 * batches until a batch comes back short, then a log line and a {@code retention_run} row with the count.
 *
 * <p>Safe with several instances: a run first takes a session-level PostgreSQL advisory lock on the
 * connection it works on, and an instance that does not get it leaves the day's run to the one that did;
 * the rules' statements also skip rows locked by anyone else. A rule that fails is recorded with its error
 * and the run goes on with the next.
 */
@ApplicationScoped
public class RetentionRunner {
    private static final Logger LOG = Logger.getLogger(RetentionRunner.class);
    /** Advisory-lock class and key of "the retention run of this database". */
    static final int LOCK_CLASS = 0x7e11_0003;
    static final int LOCK_KEY = 1;

    private static final String RECORD = """
            insert into retention_run (id, category, action, retain_for, cutoff, affected, run_at, error)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Config config;
    private final RetentionConfig settings;
    private final Instance<RetentionRules> rules;

    public RetentionRunner(AgroalDataSource dataSource, Clock clock, Config config, RetentionConfig settings,
            Instance<RetentionRules> rules) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.settings = settings;
        this.rules = rules;
    }

    @Scheduled(identity = "retention", cron = "${trellis.retention.cron:0 30 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        if (settings.enabled()) {
            run();
        }
    }

    /** Runs every rule now (by the service's clock). @return what each did, or empty if another instance is running */
    public List<RetentionRun> run() {
        return runAt(clock.instant());
    }

    /** Runs every rule as if it were {@code now}. @return what each did, or empty if another instance is running */
    public List<RetentionRun> runAt(Instant now) {
        List<RetentionRun> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!lock(c, "select pg_try_advisory_lock(?, ?)")) {
                LOG.info("Retention: another instance is running it; skipped");
                return runs;
            }
            try {
                for (RetentionRules group : rules) {
                    for (RetentionRule rule : group.rules()) {
                        apply(c, rule, now).ifPresent(runs::add);
                    }
                }
            } finally {
                lock(c, "select pg_advisory_unlock(?, ?)");
            }
        } catch (SQLException e) {
            LOG.warnf("Retention could not reach the database (%s); the next run catches up", e.getMessage());
        }
        return runs;
    }

    private Optional<RetentionRun> apply(Connection c, RetentionRule rule, Instant now) throws SQLException {
        if (!exists(c, rule.table())) {
            return Optional.empty();
        }
        String after = config.getOptionalValue(rule.settingName(), String.class).orElse(rule.defaultAfter());
        Instant cutoff;
        try {
            cutoff = ZonedDateTime.ofInstant(now, clock.getZone()).minus(parse(after)).toInstant();
        } catch (DateTimeException e) {
            String error = rule.settingName() + " is not an ISO-8601 period or duration: " + after;
            LOG.warnf("Retention %s: skipped, %s", rule.category(), error);
            return Optional.of(record(c, new RetentionRun(rule.category(), rule.action(), after, now, 0, error), now));
        }
        long affected = 0;
        String error = null;
        try (PreparedStatement s = c.prepareStatement(rule.batch())) {
            int batch;
            do {
                s.setTimestamp(1, Timestamp.from(cutoff));
                s.setInt(2, settings.batchSize());
                batch = s.executeUpdate();
                affected += batch;
            } while (batch >= settings.batchSize());
        } catch (SQLException e) {
            error = e.getMessage();
            LOG.warnf("Retention %s: stopped after %d rows: %s", rule.category(), affected, error);
        }
        LOG.infof("Retention %s: %s %d rows of %s older than %s (before %s)", rule.category(),
                rule.action() == RetentionRule.Action.DELETE ? "deleted" : "anonymised", affected, rule.table(), after,
                cutoff);
        return Optional.of(record(c, new RetentionRun(rule.category(), rule.action(), after, cutoff, affected,
                error), now));
    }

    /** {@code P24M}, {@code P6Y}, {@code P90D} are periods (calendar months and years); {@code PT12H} is a duration. */
    static TemporalAmount parse(String after) {
        String value = after.trim().toUpperCase(Locale.ROOT);
        return value.contains("T") ? Duration.parse(value) : Period.parse(value);
    }

    private RetentionRun record(Connection c, RetentionRun run, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RECORD)) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, run.category());
            s.setString(3, run.action().name());
            s.setString(4, run.after());
            s.setTimestamp(5, Timestamp.from(run.cutoff()));
            s.setLong(6, run.affected());
            s.setTimestamp(7, Timestamp.from(now));
            s.setString(8, run.error());
            s.executeUpdate();
        }
        return run;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select to_regclass(?) is not null")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, LOCK_CLASS);
            s.setInt(2, LOCK_KEY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
