package dev.incident.escalation.oncall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.incident.escalation.domain.ProviderChoice;
import dev.incident.events.command.IncidentCommand.RecordEscalation;
import dev.incident.events.model.EscalationOutcome;

/**
 * Pages through the provider a schedule names, and falls back to the schedule's built-in layers
 * when that provider has no credentials here, or fails and the schedule allows the fallback. Says
 * what happened as the RecordEscalation commands to send, a failed provider included.
 */
public final class Pager {

    private static final Logger LOG = Logger.getLogger(Pager.class);

    private final OnCallProvider builtin;
    private final Map<String, OnCallProvider> connected;

    /**
     * @param connected the providers that have credentials here, by name
     */
    public Pager(OnCallProvider builtin, Map<String, OnCallProvider> connected) {
        this.builtin = builtin;
        this.connected = Map.copyOf(connected);
    }

    public PageReport page(PageRequest request) {
        ProviderChoice choice = request.schedule().provider();
        if (choice.isBuiltin()) {
            return viaBuiltin(request, List.of());
        }

        OnCallProvider provider = connected.get(choice.provider());
        if (provider == null) {
            return withoutCredentials(request, choice);
        }
        try {
            return recorded(request, provider, provider.page(request), List.of());
        } catch (ProviderException e) {
            return failed(request, provider.name(), e.getMessage());
        }
    }

    private PageReport withoutCredentials(PageRequest request, ProviderChoice choice) {
        if (request.schedule().hasBuiltinLayers()) {
            LOG.debugf(
                    "%s: no %s credentials, paging schedule %s from its built-in layers",
                    request.incidentId(), choice.provider(), request.schedule().name());
            return viaBuiltin(request, List.of());
        }
        String reason =
                "no "
                        + choice.provider()
                        + " credentials are configured and the schedule has no built-in layers";
        return new PageReport(List.of(failure(request, choice.provider(), reason)), null, false);
    }

    private PageReport failed(PageRequest request, String provider, String reason) {
        List<RecordEscalation> records = new ArrayList<>();
        records.add(failure(request, provider, reason));

        boolean fallback =
                request.schedule().provider().fallbackToBuiltin()
                        && request.schedule().hasBuiltinLayers();
        if (!fallback) {
            LOG.warnf("%s: %s failed, no fallback: %s", request.incidentId(), provider, reason);
            return new PageReport(records, null, false);
        }
        LOG.warnf(
                "%s: %s failed, falling back to the built-in rotation of %s: %s",
                request.incidentId(), provider, request.schedule().name(), reason);
        return viaBuiltin(request, records);
    }

    private PageReport viaBuiltin(PageRequest request, List<RecordEscalation> before) {
        try {
            return recorded(request, builtin, builtin.page(request), before);
        } catch (ProviderException e) {
            // The built-in rotation only writes the local outbox; it does not throw this.
            throw new IllegalStateException(e);
        }
    }

    private static PageReport recorded(
            PageRequest request,
            OnCallProvider provider,
            Optional<Paged> paged,
            List<RecordEscalation> before) {
        List<RecordEscalation> records = new ArrayList<>(before);
        if (paged.isEmpty()) {
            return new PageReport(records, null, true);
        }
        records.add(
                new RecordEscalation(
                        request.schedule().name(),
                        request.reason(),
                        paged.get().person(),
                        provider.name(),
                        EscalationOutcome.PAGED,
                        null,
                        paged.get().alertReference()));
        return new PageReport(records, paged.get().person(), false);
    }

    private static RecordEscalation failure(PageRequest request, String provider, String reason) {
        return new RecordEscalation(
                request.schedule().name(),
                request.reason(),
                null,
                provider,
                EscalationOutcome.FAILED,
                reason,
                null);
    }
}
