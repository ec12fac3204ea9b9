package dev.incident.slack.outbound.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlackTextTest {

    @Test
    void shouldEscapeTheCharactersSlackReadsAsMarkup() {
        assertThat(SlackText.escape("a < b && c > d")).isEqualTo("a &lt; b &amp;&amp; c &gt; d");
    }

    @Test
    void shouldNeverLetUserTextBroadcastOrMention() {
        String escaped = SlackText.escape("<!channel> <!here> @everyone <@U024BE7LH> @Channel");

        assertThat(escaped)
                .doesNotContain("<!", "<@", "@everyone", "@Channel")
                .contains("&lt;!\u2060channel&gt;", "@\u2060everyone", "@\u2060Channel");
    }

    @Test
    void shouldDefuseBroadcastsInPlainTextButKeepTheRestAsTyped() {
        assertThat(SlackText.plain("*bold* _it_ @here <x>", 100))
                .isEqualTo("*bold* _it_ @\u2060here <x>");
        assertThat(SlackText.plain("  ", 100)).isEqualTo("-");
    }

    @Test
    void shouldLinkOnlyHttpAddressesAndKeepTheLabelHarmless() {
        assertThat(SlackText.link("https://x.example/a|b>c", "FU-1 <@U1>"))
                .isEqualTo("<https://x.example/a%7Cb%3Ec|FU-1 &lt;@U1&gt;>");
        assertThat(SlackText.link("javascript:alert(1)", "label")).isEqualTo("label");
    }

    @Test
    void shouldMentionOnlyWellFormedIds() {
        assertThat(SlackText.mentionUser("U024BE7LH", "Alice")).isEqualTo("<@U024BE7LH>");
        assertThat(SlackText.mentionUser("ops@acme.example.com", "<!channel>"))
                .isEqualTo("&lt;!\u2060channel&gt;");
        assertThat(SlackText.mentionChannel("C07INC", "x")).isEqualTo("<#C07INC>");
    }

    @Test
    void shouldCutLongTextWithoutSplittingACharacter() {
        String emoji = "🔥".repeat(10);

        String cut = SlackText.truncate(emoji, 5);

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(5);
        assertThat(cut).endsWith("…").startsWith("🔥🔥🔥🔥");
    }
}
