package dev.incident.escalation.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import dev.incident.escalation.domain.Escalation;
import dev.incident.escalation.domain.Escalation.Status;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.Role;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The service's durable memory in PostgreSQL: the events it has handled (to fold incidents and to
 * recognise redeliveries) and its escalations with their due times, which survive a restart.
 */
@ApplicationScoped
public class EscalationStore {

    private static final String COLUMNS =
            "id, incident_id, schedule, role, reason, layer, status, due_at";

    private final DataSource dataSource;
    private final ContractCodec codec = new ContractCodec();

    public EscalationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens a transaction; the caller commits it. */
    public Connection begin() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Stores the event; false when it was stored before (a redelivery). */
    public boolean addEvent(Connection tx, EventEnvelope event) throws SQLException {
        try (PreparedStatement insert =
                tx.prepareStatement(
                        "INSERT INTO incident_event (incident_id, sequence, envelope)"
                                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, event.incidentId());
            insert.setLong(2, event.sequence());
            insert.setString(3, new String(codec.encodeEvent(event), UTF_8));
            return insert.executeUpdate() == 1;
        }
    }

    /** The incident's stored events in order. */
    public List<EventEnvelope> events(Connection connection, String incidentId)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(
                        "SELECT envelope FROM incident_event WHERE incident_id = ?"
                                + " ORDER BY sequence")) {
            select.setString(1, incidentId);
            List<EventEnvelope> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(codec.decodeEvent(rows.getString(1).getBytes(UTF_8)));
                }
            }
            return events;
        }
    }

    public List<EventEnvelope> events(String incidentId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return events(connection, incidentId);
        }
    }

    /** Creates the escalation; false when one with its id exists already. */
    public boolean create(Connection tx, Escalation escalation, Instant now) throws SQLException {
        try (PreparedStatement insert =
                tx.prepareStatement(
                        "INSERT INTO escalation ("
                                + COLUMNS
                                + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, escalation.id());
            insert.setString(2, escalation.incidentId());
            insert.setString(3, escalation.schedule());
            insert.setString(4, escalation.role() == null ? null : escalation.role().name());
            insert.setString(5, escalation.reason());
            insert.setInt(6, escalation.layer());
            insert.setString(7, escalation.status().name());
            insert.setTimestamp(8, timestamp(escalation.dueAt()));
            insert.setTimestamp(9, timestamp(now));
            insert.setTimestamp(10, timestamp(now));
            return insert.executeUpdate() == 1;
        }
    }

    /** True when the incident has an open escalation of the schedule. */
    public boolean hasOpen(Connection tx, String incidentId, String schedule) throws SQLException {
        try (PreparedStatement select =
                tx.prepareStatement(
                        "SELECT 1 FROM escalation WHERE incident_id = ? AND schedule = ?"
                                + " AND status = 'OPEN'")) {
            select.setString(1, incidentId);
            select.setString(2, schedule);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Ends the incident's open escalations for {@code role} (all of them when null) with {@code
     * status}; returns how many.
     */
    public int end(Connection tx, String incidentId, Role role, Status status, Instant now)
            throws SQLException {
        String sql =
                "UPDATE escalation SET status = ?, updated_at = ? WHERE incident_id = ?"
                        + " AND status = 'OPEN'"
                        + (role == null ? "" : " AND role = ?");
        try (PreparedStatement update = tx.prepareStatement(sql)) {
            update.setString(1, status.name());
            update.setTimestamp(2, timestamp(now));
            update.setString(3, incidentId);
            if (role != null) {
                update.setString(4, role.name());
            }
            return update.executeUpdate();
        }
    }

    /** Open escalations whose next layer is due at {@code now}, oldest first. */
    public List<Escalation> due(Instant now, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM escalation WHERE status = 'OPEN'"
                                        + " AND due_at <= ? ORDER BY due_at LIMIT ?")) {
            select.setTimestamp(1, timestamp(now));
            select.setInt(2, limit);
            List<Escalation> due = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(escalation(rows));
                }
            }
            return due;
        }
    }

    public Optional<Escalation> find(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement(
                                "SELECT " + COLUMNS + " FROM escalation WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(escalation(rows)) : Optional.empty();
            }
        }
    }

    public List<Escalation> ofIncident(String incidentId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM escalation WHERE incident_id = ?"
                                        + " ORDER BY created_at, id")) {
            select.setString(1, incidentId);
            List<Escalation> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(escalation(rows));
                }
            }
            return found;
        }
    }

    /**
     * Moves the escalation from {@code current} to {@code next} if nobody else moved or ended it in
     * the meantime: the claim that makes each layer paged at most once.
     */
    public boolean advance(Escalation current, Escalation next, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement(
                                "UPDATE escalation SET layer = ?, status = ?, due_at = ?,"
                                        + " updated_at = ? WHERE id = ? AND layer = ?"
                                        + " AND status = 'OPEN'")) {
            update.setInt(1, next.layer());
            update.setString(2, next.status().name());
            update.setTimestamp(3, timestamp(next.dueAt()));
            update.setTimestamp(4, timestamp(now));
            update.setString(5, current.id());
            update.setInt(6, current.layer());
            return update.executeUpdate() == 1;
        }
    }

    /** Sets the status of an escalation that is still open. */
    public void finish(String id, Status status, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement(
                                "UPDATE escalation SET status = ?, updated_at = ?"
                                        + " WHERE id = ? AND status = 'OPEN'")) {
            update.setString(1, status.name());
            update.setTimestamp(2, timestamp(now));
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    private static Escalation escalation(ResultSet row) throws SQLException {
        String role = row.getString("role");
        Timestamp due = row.getTimestamp("due_at");
        return new Escalation(
                row.getString("id"),
                row.getString("incident_id"),
                row.getString("schedule"),
                role == null ? null : Role.valueOf(role),
                row.getString("reason"),
                row.getInt("layer"),
                Status.valueOf(row.getString("status")),
                due == null ? null : due.toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
