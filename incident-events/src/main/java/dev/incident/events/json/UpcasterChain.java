package dev.incident.events.json;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Brings a stored payload of any older schema version up to the current one, step by step. */
public final class UpcasterChain {

    private final Map<String, Upcaster> byTypeAndVersion;

    public UpcasterChain(List<Upcaster> upcasters) {
        this.byTypeAndVersion =
                upcasters.stream()
                        .collect(
                                Collectors.toUnmodifiableMap(
                                        u -> key(u.type(), u.fromVersion()), u -> u));
    }

    /** The chain of this contract version. */
    public static UpcasterChain standard() {
        return new UpcasterChain(List.of(new ReminderIssuedV1()));
    }

    /** The payload at the current version of {@code type}; unchanged when it is current. */
    public ObjectNode upcast(String type, int version, ObjectNode payload, ObjectNode envelope) {
        int current = ContractTypes.currentVersion(type);
        if (version > current) {
            throw new ContractException.UnsupportedVersion(type, version, current);
        }

        ObjectNode result = payload;
        for (int v = version; v < current; v++) {
            Upcaster step = byTypeAndVersion.get(key(type, v));
            if (step == null) {
                throw new IllegalStateException("no upcaster for " + type + " version " + v);
            }
            result = step.upcast(result, envelope);
        }
        return result;
    }

    private static String key(String type, int version) {
        return type + "@" + version;
    }
}
