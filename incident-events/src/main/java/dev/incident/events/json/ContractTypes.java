package dev.incident.events.json;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.incident.events.command.IncidentCommand;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.ReminderIssued;

/**
 * The one registry of wire type names: every permitted event and command record, by its simple
 * name, and each event's current schema version.
 */
public final class ContractTypes {

    /** Events whose current schema is newer than 1; every other event is at version 1. */
    private static final Map<Class<?>, Integer> CURRENT_VERSIONS = Map.of(ReminderIssued.class, 2);

    private static final Map<String, Class<? extends IncidentEvent>> EVENTS =
            byName(IncidentEvent.class);

    private static final Map<String, Class<? extends IncidentCommand>> COMMANDS =
            byName(IncidentCommand.class);

    private ContractTypes() {}

    public static Map<String, Class<? extends IncidentEvent>> events() {
        return EVENTS;
    }

    public static Map<String, Class<? extends IncidentCommand>> commands() {
        return COMMANDS;
    }

    public static Class<? extends IncidentEvent> eventClass(String type) {
        var found = EVENTS.get(type);
        if (found == null) {
            throw new ContractException.UnknownType("event", type);
        }
        return found;
    }

    public static Class<? extends IncidentCommand> commandClass(String type) {
        var found = COMMANDS.get(type);
        if (found == null) {
            throw new ContractException.UnknownType("command", type);
        }
        return found;
    }

    public static int currentVersion(String eventType) {
        return CURRENT_VERSIONS.getOrDefault(eventClass(eventType), 1);
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, Class<? extends T>> byName(Class<T> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .map(c -> (Class<? extends T>) c)
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    }
}
