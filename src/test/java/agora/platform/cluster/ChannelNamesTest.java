package agora.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ChannelNamesTest {

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aChannelNamesTheSchemaAndTheTopic() {
        assertThat(ChannelNames.channel("public", "sessions")).isEqualTo("public.sessions");
        assertThat(ChannelNames.channel("agora_test_1a2b", "sessions"))
                .isNotEqualTo(ChannelNames.channel("agora_test_3c4d", "sessions"))
                .isNotEqualTo(ChannelNames.channel("agora_test_1a2b", "search"));
    }

    @Test
    void longNamesAreCutTo63BytesAndStayApart() {
        var schema = "s".repeat(70);
        var one = ChannelNames.channel(schema, "sessions");
        var other = ChannelNames.channel(schema, "search");
        assertThat(bytes(one)).isEqualTo(ChannelNames.MAX_BYTES);
        assertThat(one).startsWith("sssss").isNotEqualTo(other);
        assertThat(bytes(other)).isLessThanOrEqualTo(ChannelNames.MAX_BYTES);
        assertThat(ChannelNames.channel(schema, "sessions")).isEqualTo(one);

        var exactly63 = "s".repeat(63 - ".sessions".length());
        assertThat(ChannelNames.channel(exactly63, "sessions")).isEqualTo(exactly63 + ".sessions");
    }

    @Test
    void aCutNeverSplitsACharacter() {
        var channel = ChannelNames.channel("ü".repeat(40), "sessions");
        assertThat(bytes(channel)).isLessThanOrEqualTo(ChannelNames.MAX_BYTES);
        assertThat(channel).matches("ü+~[0-9a-f]{16}");
    }

    @Test
    void quotingKeepsTheNameExact() {
        assertThat(ChannelNames.quoted("public.sessions")).isEqualTo("\"public.sessions\"");
        assertThat(ChannelNames.quoted("odd\"name")).isEqualTo("\"odd\"\"name\"");
    }
}
