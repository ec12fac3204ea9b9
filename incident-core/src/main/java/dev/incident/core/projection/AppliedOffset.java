package dev.incident.core.projection;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The next offset of incident.events the projection will read, per topic partition. */
@Entity
@Table(name = "projection_offset")
public class AppliedOffset extends PanacheEntityBase {

    /** The topic and partition, as {@code incident.events-3}. */
    @Id public String logPartition;

    public long nextOffset;
}
