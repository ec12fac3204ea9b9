package dev.incident.postmortem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import dev.incident.postmortem.store.Postmortem.State;

/**
 * The postmortem jobs, one row per closed incident. The row is what makes a redelivered close or a
 * restart in the middle lead to the same one document.
 */
@ApplicationScoped
public class PostmortemStore {

    private static final String COLUMNS =
            "incident_id, state, replace_content, attempts, next_attempt_at, document_id, url,"
                    + " recorded_url, last_error";

    private final DataSource dataSource;

    public PostmortemStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts the incident's job unless it has one; returns false when it had one already. */
    public boolean start(String incidentId, Instant now) {
        String sql =
                "INSERT INTO postmortem (incident_id, state, next_attempt_at, updated_at)"
                        + " VALUES (?, 'PENDING', ?, ?) ON CONFLICT (incident_id) DO NOTHING";
        return update(sql, incidentId, now, now) == 1;
    }

    /** Starts the job again to replace the document's content, keeping its document. */
    public void restart(String incidentId, Instant now) {
        String sql =
                "INSERT INTO postmortem (incident_id, state, replace_content, next_attempt_at,"
                        + " updated_at) VALUES (?, 'PENDING', TRUE, ?, ?)"
                        + " ON CONFLICT (incident_id) DO UPDATE SET state = 'PENDING',"
                        + " replace_content = TRUE, attempts = 0, last_error = NULL,"
                        + " next_attempt_at = EXCLUDED.next_attempt_at,"
                        + " updated_at = EXCLUDED.updated_at";
        update(sql, incidentId, now, now);
    }

    public Optional<Postmortem> find(String incidentId) {
        List<Postmortem> found =
                query("SELECT " + COLUMNS + " FROM postmortem WHERE incident_id = ?", incidentId);
        return found.stream().findFirst();
    }

    /** The pending jobs whose next try is due, oldest first. */
    public List<Postmortem> due(Instant now, int limit) {
        String sql =
                "SELECT "
                        + COLUMNS
                        + " FROM postmortem WHERE state = 'PENDING'"
                        + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT "
                        + limit;
        return query(sql, now);
    }

    /** The document exists; the incident is yet to be told. */
    public void published(String incidentId, String documentId, String url, Instant now) {
        String sql =
                "UPDATE postmortem SET document_id = ?, url = ?, updated_at = ?"
                        + " WHERE incident_id = ?";
        update(sql, documentId, url, now, incidentId);
    }

    /** The incident was told the link: the job is done. */
    public void recorded(String incidentId, String url, Instant now) {
        String sql =
                "UPDATE postmortem SET state = 'RECORDED', recorded_url = ?, replace_content ="
                        + " FALSE, last_error = NULL, updated_at = ? WHERE incident_id = ?";
        update(sql, url, now, incidentId);
    }

    /** A try failed; the job waits until {@code nextAttemptAt}. */
    public void retryLater(String incidentId, String error, Instant nextAttemptAt, Instant now) {
        String sql =
                "UPDATE postmortem SET attempts = attempts + 1, last_error = ?,"
                        + " next_attempt_at = ?, updated_at = ? WHERE incident_id = ?";
        update(sql, error, nextAttemptAt, now, incidentId);
    }

    /** The last try failed; the failure was recorded in the incident. */
    public void failed(String incidentId, String error, Instant now) {
        String sql =
                "UPDATE postmortem SET state = 'FAILED', attempts = attempts + 1, last_error = ?,"
                        + " updated_at = ? WHERE incident_id = ?";
        update(sql, error, now, incidentId);
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not write postmortem job: " + e.getMessage(), e);
        }
    }

    private List<Postmortem> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            List<Postmortem> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(row(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("could not read postmortem jobs: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (arg instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }

    private static Postmortem row(ResultSet rows) throws SQLException {
        return new Postmortem(
                rows.getString("incident_id"),
                State.valueOf(rows.getString("state")),
                rows.getBoolean("replace_content"),
                rows.getInt("attempts"),
                rows.getTimestamp("next_attempt_at").toInstant(),
                rows.getString("document_id"),
                rows.getString("url"),
                rows.getString("recorded_url"),
                rows.getString("last_error"));
    }
}
