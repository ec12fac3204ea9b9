package dev.incident.core.projection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import dev.incident.events.json.ContractCodec;
import dev.incident.events.state.IncidentState;

/** Queries on the read model: incident rows, stored events, and states as of an instant. */
@ApplicationScoped
public class ReadModel {

    private final ContractCodec codec = new ContractCodec();

    /** Filters of the incident list; null means any. */
    public record Filter(String status, String severity, String customer) {}

    /** One page of incidents, newest first. */
    public record IncidentPage(List<IncidentRow> rows, long total) {}

    public Uni<IncidentPage> list(Filter filter, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.put("status", filter.status().toUpperCase(Locale.ROOT));
        }
        if (filter.severity() != null) {
            query.append(" and severity = :severity");
            params.put("severity", filter.severity().toUpperCase(Locale.ROOT));
        }
        if (filter.customer() != null) {
            query.append(" and customerId = :customer");
            params.put("customer", filter.customer());
        }
        var found =
                IncidentRow.<IncidentRow>find(
                        query.toString(), Sort.descending("declaredAt", "id"), params);
        return found.page(Page.of(page, size))
                .list()
                .chain(rows -> found.count().map(total -> new IncidentPage(rows, total)));
    }

    /** The incident by its id or its reference (INC-..., any case). */
    public Uni<Optional<IncidentRow>> find(String idOrReference) {
        return IncidentRow.<IncidentRow>findById(idOrReference)
                .chain(
                        row ->
                                row != null
                                        ? Uni.createFrom().item(row)
                                        : IncidentRow.<IncidentRow>find(
                                                        "reference",
                                                        idOrReference.toUpperCase(Locale.ROOT))
                                                .firstResult())
                .map(Optional::ofNullable);
    }

    /** The incident's stored events in sequence order. */
    public Uni<List<StoredEvent>> events(String incidentId) {
        return StoredEvent.list("incidentId = ?1 order by sequence", incidentId);
    }

    /** The incident folded from only the events recorded up to {@code asOf}; empty before. */
    public Uni<Optional<IncidentView>> asOf(String incidentId, Instant asOf) {
        return StoredEvent.<StoredEvent>list(
                        "incidentId = ?1 and recordedAt <= ?2 order by sequence", incidentId, asOf)
                .map(
                        stored -> {
                            if (stored.isEmpty()) {
                                return Optional.empty();
                            }
                            IncidentState state = IncidentState.empty(incidentId);
                            stored.forEach(e -> state.apply(codec.decodeEvent(Projector.bytes(e))));
                            return Optional.of(IncidentView.of(state));
                        });
    }

    /**
     * Waits until the read model holds event {@code eventId}, at most until {@code deadline}, so
     * that a caller who waited for a command's result can read the incident right after. Blocks:
     * call it from a worker thread, never from the event loop.
     */
    public boolean awaitStored(java.util.UUID eventId, Instant deadline)
            throws InterruptedException {
        String id = eventId.toString();
        while (Instant.now().isBefore(deadline)) {
            try {
                StoredEvent found =
                        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(
                                () ->
                                        io.quarkus.hibernate.reactive.panache.Panache.withSession(
                                                () -> StoredEvent.<StoredEvent>findById(id)));
                if (found != null) {
                    return true;
                }
            } catch (Throwable e) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
