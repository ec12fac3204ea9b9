package dev.incident.slack.outbound.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelNamesTest {

    @Test
    void shouldJoinTheReferenceAndASlugOfTheTitle() {
        assertThat(ChannelNames.of("INC-7K2Q", "Checkout API returns 502 (EU)!"))
                .isEqualTo("inc-7k2q-checkout-api-returns-502-eu");
    }

    @Test
    void shouldKeepLongNamesWithin80CharactersWithoutATrailingHyphen() {
        String title = "a".repeat(60) + " " + "b".repeat(60);

        String name = ChannelNames.of("INC-7K2Q", title);

        assertThat(name).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
        assertThat(name).startsWith("inc-7k2q-aaaa");
    }

    @Test
    void shouldFitTheSuffixWithinTheLimit() {
        String name = ChannelNames.of("INC-7K2Q", "x".repeat(100));

        assertThat(ChannelNames.attempt(name, 1)).isEqualTo(name);
        assertThat(ChannelNames.attempt(name, 2)).hasSize(80).endsWith("x-2");
        assertThat(ChannelNames.attempt(name, 10)).hasSize(80).endsWith("x-10");
        assertThat(ChannelNames.attempt("inc-7k2q-short", 3)).isEqualTo("inc-7k2q-short-3");
    }

    @Test
    void shouldUseTheReferenceAloneWhenTheTitleHasNoAsciiForm() {
        assertThat(ChannelNames.of("INC-7K2Q", "決済が全面停止しています")).isEqualTo("inc-7k2q");
        assertThat(ChannelNames.of("INC-7K2Q", "🔥🔥🔥")).isEqualTo("inc-7k2q");
    }

    @Test
    void shouldDropAccentsAndEmojiButKeepTheWords() {
        assertThat(ChannelNames.of("INC-7K2Q", "🔥 Café crème: Zürich down 🔥"))
                .isEqualTo("inc-7k2q-cafe-creme-zurich-down");
        assertThat(ChannelNames.of("INC-7K2Q", "決済API timeout")).isEqualTo("inc-7k2q-api-timeout");
    }
}
