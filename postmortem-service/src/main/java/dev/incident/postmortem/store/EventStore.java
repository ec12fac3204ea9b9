package dev.incident.postmortem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;

/**
 * This service's copy of each incident's events, kept as they came off the log so that a close, a
 * restart or an admin's regeneration can fold the whole incident again.
 */
@ApplicationScoped
public class EventStore {

    private final DataSource dataSource;
    private final ContractCodec codec;

    public EventStore(DataSource dataSource, ContractCodec codec) {
        this.dataSource = dataSource;
        this.codec = codec;
    }

    /** Keeps the event; returns false when it was kept before (a redelivery). */
    public boolean add(EventEnvelope event, byte[] body) {
        String sql =
                "INSERT INTO incident_event (incident_id, sequence, event_id, type, body)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, event.incidentId());
            insert.setLong(2, event.sequence());
            insert.setObject(3, event.eventId());
            insert.setString(4, event.type());
            insert.setBytes(5, body);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("could not keep event " + event.eventId(), e);
        }
    }

    /** The incident's events in sequence order, upcast to the current contract. */
    public List<EventEnvelope> events(String incidentId) {
        String sql = "SELECT body FROM incident_event WHERE incident_id = ? ORDER BY sequence";
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, incidentId);
            List<EventEnvelope> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(codec.decodeEvent(rows.getBytes(1)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreException("could not read the events of " + incidentId, e);
        }
    }
}
