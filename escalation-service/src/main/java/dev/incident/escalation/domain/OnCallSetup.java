package dev.incident.escalation.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.incident.events.model.Contact;

/**
 * Everything the on-call configuration says: the people, the schedules, which schedule pages the
 * Operations Engineer and which the Incident Coordinator, and each customer's escalation matrix.
 *
 * @param matrices contacts per customer id, in the order to call them; the key {@value
 *     #DEFAULT_MATRIX} is shown for a customer without a matrix of its own
 */
public record OnCallSetup(
        List<Person> people,
        Map<String, Schedule> schedules,
        String operationsEngineerSchedule,
        String incidentCoordinatorSchedule,
        Map<String, List<Contact>> matrices) {

    public static final String DEFAULT_MATRIX = "default";

    /** The target of {@code /inc escalate} that names the Operations Engineer schedule. */
    public static final String OE_TARGET = "oe";

    /** The target that names the Incident Coordinator schedule, also the default. */
    public static final String IC_TARGET = "ic";

    public OnCallSetup {
        people = List.copyOf(people);
        schedules = Map.copyOf(schedules);
        matrices = Map.copyOf(matrices);
        requireSchedule(schedules, operationsEngineerSchedule, "operations engineer");
        requireSchedule(schedules, incidentCoordinatorSchedule, "incident coordinator");
    }

    /**
     * The schedule an escalation target names: {@code oe}, {@code ic} (also for a blank target), or
     * a schedule's own name, case-insensitive.
     */
    public Optional<Schedule> schedule(String target) {
        String name = target == null ? "" : target.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || IC_TARGET.equals(name)) {
            return Optional.of(schedules.get(incidentCoordinatorSchedule));
        }
        if (OE_TARGET.equals(name)) {
            return Optional.of(schedules.get(operationsEngineerSchedule));
        }
        return schedules.values().stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst();
    }

    public Schedule operationsEngineers() {
        return schedules.get(operationsEngineerSchedule);
    }

    public Schedule incidentCoordinators() {
        return schedules.get(incidentCoordinatorSchedule);
    }

    /** A configured person by email (how providers name people), case-insensitive. */
    public Optional<Person> personByEmail(String email) {
        return people.stream()
                .filter(p -> p.email() != null && p.email().equalsIgnoreCase(email))
                .findFirst();
    }

    /** The customer's contacts, or the default matrix's, or none. */
    public Optional<List<Contact>> matrix(String customerId) {
        List<Contact> own = customerId == null ? null : matrices.get(customerId);
        return Optional.ofNullable(own != null ? own : matrices.get(DEFAULT_MATRIX));
    }

    private static void requireSchedule(Map<String, Schedule> schedules, String name, String of) {
        Objects.requireNonNull(name, "the " + of + " schedule");
        if (!schedules.containsKey(name)) {
            throw new IllegalArgumentException(
                    "the " + of + " schedule '" + name + "' is not among the schedules");
        }
    }
}
