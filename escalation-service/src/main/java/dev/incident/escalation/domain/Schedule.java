package dev.incident.escalation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.incident.events.model.Role;

/**
 * An on-call schedule: layers in escalation order (the first is paged first, the next when nobody
 * accepts), overrides on top of them, and the provider that pages for it.
 *
 * @param role the role a person who accepts a page of this schedule takes; null for none
 * @param layers the built-in rotations, first layer first; may be empty when a provider pages
 */
public record Schedule(
        String name,
        Role role,
        List<Rotation> layers,
        List<OnCallOverride> overrides,
        ProviderChoice provider) {

    public Schedule {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
        overrides = List.copyOf(overrides);
        provider = Objects.requireNonNullElse(provider, ProviderChoice.builtin());
        if (provider.isBuiltin() && layers.isEmpty()) {
            throw new IllegalArgumentException("schedule " + name + " has no layers to page");
        }
    }

    /**
     * Who is on call for {@code layer} (1 for the first) at {@code at}: the last override that
     * covers it, else the layer's rotation. Empty when the schedule has no such layer.
     */
    public Optional<Person> onCall(int layer, Instant at) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).covers(layer, at)) {
                return Optional.of(overrides.get(i).person());
            }
        }
        if (layer < 1 || layer > layers.size()) {
            return Optional.empty();
        }
        return Optional.of(layers.get(layer - 1).onCallAt(at));
    }

    /** Everybody on call at {@code at}, first layer first. */
    public List<Person> onCall(Instant at) {
        return IntStream.rangeClosed(1, layers.size())
                .mapToObj(layer -> onCall(layer, at).orElseThrow())
                .toList();
    }

    /** True when the built-in layers can page for this schedule. */
    public boolean hasBuiltinLayers() {
        return !layers.isEmpty();
    }
}
