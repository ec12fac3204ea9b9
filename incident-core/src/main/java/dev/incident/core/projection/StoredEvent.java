package dev.incident.core.projection;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The append-only copy of one event, with its JSON exactly as it was on the log. */
@Entity
@Table(
        name = "incident_event",
        indexes =
                @Index(
                        name = "incident_event_sequence",
                        columnList = "incidentId, sequence",
                        unique = true))
public class StoredEvent extends PanacheEntityBase {

    @Id public String eventId;

    public String incidentId;

    public long sequence;

    public String type;

    public Instant recordedAt;

    public int logPartition;

    public long logOffset;

    /** The record's value as it was read, so the hash chain can be checked as stored. */
    @Column(columnDefinition = "text")
    public String json;
}
