package dev.incident.core.projection;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The next offset of incident.events the projection will read, per partition. */
@Entity
@Table(name = "projection_offset")
public class AppliedOffset extends PanacheEntityBase {

    @Id public int logPartition;

    public long nextOffset;
}
