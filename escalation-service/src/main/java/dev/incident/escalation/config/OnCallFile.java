package dev.incident.escalation.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.incident.escalation.domain.OnCallOverride;
import dev.incident.escalation.domain.OnCallSetup;
import dev.incident.escalation.domain.Person;
import dev.incident.escalation.domain.ProviderChoice;
import dev.incident.escalation.domain.Rotation;
import dev.incident.escalation.domain.Schedule;
import dev.incident.events.model.Contact;
import dev.incident.events.model.Role;

/**
 * Reads the on-call file (YAML, kebab-case keys): people, schedules with their layers and
 * overrides, and the customers' escalation matrices. docs/escalation-service.md describes every
 * key; a mistake is an error that names the schedule or person, at start-up.
 */
public final class OnCallFile {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .registerModule(new JavaTimeModule())
                    .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's shape. */
    record File(
            List<PersonEntry> people,
            String operationsEngineerSchedule,
            String incidentCoordinatorSchedule,
            List<ScheduleEntry> schedules,
            Map<String, List<Contact>> matrices) {}

    record PersonEntry(String key, String slackId, String name, String email) {}

    record ScheduleEntry(
            String name,
            Role role,
            String timeZone,
            String provider,
            String providerReference,
            Boolean fallbackToBuiltin,
            List<LayerEntry> layers,
            List<OverrideEntry> overrides) {}

    record LayerEntry(
            String timeZone,
            LocalDate start,
            DayOfWeek handoffDay,
            LocalTime handoffTime,
            Integer everyDays,
            List<String> participants) {}

    record OverrideEntry(String person, Integer layer, String from, String until) {}

    private OnCallFile() {}

    public static OnCallSetup read(InputStream yaml) {
        File file;
        try {
            file = YAML.readValue(yaml, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the on-call file cannot be read: " + e.getMessage(), e);
        }
        return setup(file);
    }

    static OnCallSetup setup(File file) {
        Map<String, Person> people =
                orEmpty(file.people()).stream()
                        .map(p -> new Person(p.key(), p.slackId(), p.name(), p.email()))
                        .collect(
                                Collectors.toMap(
                                        Person::key,
                                        Function.identity(),
                                        (a, b) -> {
                                            throw new IllegalArgumentException(
                                                    "person " + a.key() + " is listed twice");
                                        },
                                        LinkedHashMap::new));
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        for (ScheduleEntry entry : orEmpty(file.schedules())) {
            schedules.put(entry.name(), schedule(entry, people));
        }
        return new OnCallSetup(
                List.copyOf(people.values()),
                schedules,
                file.operationsEngineerSchedule(),
                file.incidentCoordinatorSchedule(),
                file.matrices() == null ? Map.of() : file.matrices());
    }

    private static Schedule schedule(ScheduleEntry entry, Map<String, Person> people) {
        Objects.requireNonNull(entry.name(), "a schedule has no name");
        ZoneId zone = entry.timeZone() == null ? null : ZoneId.of(entry.timeZone());
        List<Rotation> layers =
                orEmpty(entry.layers()).stream()
                        .map(layer -> rotation(entry.name(), layer, zone, people))
                        .toList();
        ZoneId overrideZone = zone != null ? zone : layers.isEmpty() ? null : layers.get(0).zone();
        List<OnCallOverride> overrides =
                orEmpty(entry.overrides()).stream()
                        .map(o -> override(entry.name(), o, overrideZone, people))
                        .toList();
        ProviderChoice provider =
                new ProviderChoice(
                        entry.provider(),
                        entry.providerReference(),
                        !Boolean.FALSE.equals(entry.fallbackToBuiltin()));
        return new Schedule(entry.name(), entry.role(), layers, overrides, provider);
    }

    private static Rotation rotation(
            String schedule, LayerEntry layer, ZoneId scheduleZone, Map<String, Person> people) {
        ZoneId zone = layer.timeZone() != null ? ZoneId.of(layer.timeZone()) : scheduleZone;
        if (zone == null || layer.start() == null || layer.handoffTime() == null) {
            throw new IllegalArgumentException(
                    "a layer of schedule " + schedule + " needs time-zone, start and handoff-time");
        }
        List<Person> participants =
                orEmpty(layer.participants()).stream()
                        .map(key -> person(schedule, key, people))
                        .toList();
        int every =
                layer.everyDays() != null ? layer.everyDays() : layer.handoffDay() != null ? 7 : 1;
        return new Rotation(
                participants, zone, layer.start(), layer.handoffTime(), layer.handoffDay(), every);
    }

    private static OnCallOverride override(
            String schedule, OverrideEntry o, ZoneId zone, Map<String, Person> people) {
        int layer = o.layer() == null ? 1 : o.layer();
        return new OnCallOverride(
                person(schedule, o.person(), people),
                layer,
                instant(schedule, o.from(), zone),
                instant(schedule, o.until(), zone));
    }

    /** An instant with an offset, or a local date-time in the schedule's zone. */
    private static Instant instant(String schedule, String text, ZoneId zone) {
        Objects.requireNonNull(text, "an override of " + schedule + " needs from and until");
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            if (zone == null) {
                throw new IllegalArgumentException(
                        "override time " + text + " of " + schedule + " needs an offset");
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }

    private static Person person(String schedule, String key, Map<String, Person> people) {
        Person person = key == null ? null : people.get(key);
        if (person == null) {
            throw new IllegalArgumentException(
                    "schedule " + schedule + " names '" + key + "', who is not among the people");
        }
        return person;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
