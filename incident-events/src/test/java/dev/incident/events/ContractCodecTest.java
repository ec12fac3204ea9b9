package dev.incident.events;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;
import dev.incident.events.json.ContractTypes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractCodecTest {

    private final ContractCodec codec = new ContractCodec();

    @Test
    void shouldHaveASampleOfEveryRegisteredType() {
        assertThat(ContractSamples.events().stream().map(e -> e.type()).collect(Collectors.toSet()))
                .isEqualTo(ContractTypes.events().keySet());
        assertThat(
                        ContractSamples.commands().stream()
                                .map(c -> c.type())
                                .collect(Collectors.toSet()))
                .isEqualTo(ContractTypes.commands().keySet());
    }

    @Test
    void shouldReadBackEveryEventItWrote() {
        for (EventEnvelope event : ContractSamples.chainedEvents("inc-codec")) {
            assertThat(codec.decodeEvent(codec.encodeEvent(event))).isEqualTo(event);
        }
    }

    @Test
    void shouldReadBackEveryCommandAndResultItWrote() {
        for (CommandEnvelope command : ContractSamples.commandEnvelopes("inc-codec")) {
            assertThat(codec.decodeCommand(codec.encodeCommand(command))).isEqualTo(command);
        }
        for (CommandResult result : ContractSamples.results("inc-codec")) {
            assertThat(codec.decodeResult(codec.encodeResult(result))).isEqualTo(result);
        }
    }

    @Test
    void shouldNameTheTypeOnTheWireAndInsideTheEnvelope() {
        EventEnvelope declared = ContractSamples.chainedEvents("inc-wire").get(0);

        String json = new String(codec.encodeEvent(declared), UTF_8);

        assertThat(json).contains("\"type\":\"IncidentDeclared\"", "\"schemaVersion\":1");
        assertThat(json).contains("\"occurredAt\":\"2026-11-30T09:14:07.123456Z\"");
    }

    @Test
    void shouldRefuseAnUnknownTypeWithATypedError() {
        String unknown =
                "{\"commandId\":\"b9f1c7de-3f55-4a37-9d55-2a4f1e3c8f10\","
                        + "\"type\":\"ReopenIncident\",\"incidentId\":\"i\",\"command\":{}}";

        assertThatThrownBy(() -> codec.decodeCommand(unknown.getBytes(UTF_8)))
                .isInstanceOf(ContractException.UnknownType.class)
                .hasMessageContaining("ReopenIncident");
    }

    @Test
    void shouldRefuseBrokenBodiesWithATypedError() {
        assertThatThrownBy(() -> codec.decodeEvent("{\"type\": \"Incident".getBytes(UTF_8)))
                .isInstanceOf(ContractException.Malformed.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> codec.decodeEvent(new byte[0]))
                .isInstanceOf(ContractException.Malformed.class);
        assertThatThrownBy(() -> codec.decodeResult("[1,2]".getBytes(UTF_8)))
                .isInstanceOf(ContractException.Malformed.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void shouldRefuseACommandMissingARequiredFieldAndNameTheField() {
        CommandEnvelope close = ContractSamples.commandEnvelopes("inc-missing").get(12);
        String json =
                new String(codec.encodeCommand(close), UTF_8)
                        .replace("\"resolution\":\"Fixed by rollback\"", "\"note\":\"x\"");

        assertThatThrownBy(() -> codec.decodeCommand(json.getBytes(UTF_8)))
                .isInstanceOf(ContractException.Malformed.class)
                .hasMessageContaining("resolution");
    }

    @Test
    void shouldRefuseAnEventFromANewerSchemaThanItKnows() {
        EventEnvelope pinned = ContractSamples.chainedEvents("inc-newer").get(9);
        String json =
                new String(codec.encodeEvent(pinned), UTF_8)
                        .replace("\"schemaVersion\":1", "\"schemaVersion\":7");

        assertThatThrownBy(() -> codec.decodeEvent(json.getBytes(UTF_8)))
                .isInstanceOf(ContractException.UnsupportedVersion.class)
                .hasMessageContaining("MessagePinned schema version 7");
    }
}
