package dev.incident.core.projection;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One incident as it is now: the columns the list filters on, and the full view as JSON. */
@Entity
@Table(
        name = "incident",
        indexes = {
            @Index(name = "incident_reference", columnList = "reference", unique = true),
            @Index(name = "incident_declared", columnList = "declaredAt")
        })
public class IncidentRow extends PanacheEntityBase {

    @Id public String id;

    public String reference;

    @Column(columnDefinition = "text")
    public String title;

    public String status;

    public String severity;

    public String customerId;

    public Instant declaredAt;

    /** The recorded time of the last event, so a rebuild gives the same value. */
    public Instant updatedAt;

    public long lastSequence;

    /** The IncidentView, as JSON. */
    @Column(columnDefinition = "text")
    public String view;
}
