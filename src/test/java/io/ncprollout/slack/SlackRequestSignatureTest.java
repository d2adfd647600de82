package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Slack's signature as our adapter checks it: Slack's documented vector, the SDK's generator, and the time window. */
class SlackRequestSignatureTest {
    // the worked example of Slack's "Verifying requests from Slack" guide
    private static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String DOC_TIMESTAMP = "1531420618";
    private static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2F"
            + "hooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121"
            + ".803a0bc887a14d10d2c447fce8b6703c";
    private static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant DOC_NOW = Instant.ofEpochSecond(1531420618 + 10);

    private final SlackRequestSignature doc = new SlackRequestSignature(DOC_SECRET);

    @Test
    void verify_slacksDocumentedExample_isValid() {
        assertThat(doc.verify(DOC_TIMESTAMP, DOC_SIGNATURE, bytes(DOC_BODY), DOC_NOW)).isTrue();
    }

    @Test
    void verify_oneHexDigitOff_isInvalid() {
        String off = DOC_SIGNATURE.substring(0, DOC_SIGNATURE.length() - 1) + "4";

        assertThat(doc.verify(DOC_TIMESTAMP, off, bytes(DOC_BODY), DOC_NOW)).isFalse();
    }

    @Test
    void verify_changedBody_isInvalid() {
        assertThat(doc.verify(DOC_TIMESTAMP, DOC_SIGNATURE, bytes(DOC_BODY + "&x=1"), DOC_NOW)).isFalse();
    }

    @Test
    void verify_missingOrMalformedHeaders_areInvalid() {
        assertThat(doc.verify(null, DOC_SIGNATURE, bytes(DOC_BODY), DOC_NOW)).isFalse();
        assertThat(doc.verify(DOC_TIMESTAMP, null, bytes(DOC_BODY), DOC_NOW)).isFalse();
        assertThat(doc.verify("yesterday", DOC_SIGNATURE, bytes(DOC_BODY), DOC_NOW)).isFalse();
        assertThat(doc.verify(DOC_TIMESTAMP, "", bytes(DOC_BODY), DOC_NOW)).isFalse();
        assertThat(doc.verify(DOC_TIMESTAMP, DOC_SIGNATURE.substring(3), bytes(DOC_BODY), DOC_NOW)).isFalse();
    }

    @Test
    void verify_timestampMoreThanFiveMinutesAwayEitherWay_isInvalid() {
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(DOC_TIMESTAMP));

        assertThat(doc.verify(DOC_TIMESTAMP, DOC_SIGNATURE, bytes(DOC_BODY), signedAt.plusSeconds(300))).isTrue();
        assertThat(doc.verify(DOC_TIMESTAMP, DOC_SIGNATURE, bytes(DOC_BODY), signedAt.plusSeconds(301))).isFalse();
        assertThat(doc.verify(DOC_TIMESTAMP, DOC_SIGNATURE, bytes(DOC_BODY), signedAt.minusSeconds(301))).isFalse();
    }

    @Test
    void sign_agreesWithTheSdksGenerator_onRandomBodies() {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            String secret = Long.toHexString(random.nextLong()) + "s";
            String body = randomText(random);
            String ts = String.valueOf(1_700_000_000L + random.nextInt(1_000_000));

            assertThat(new SlackRequestSignature(secret).sign(ts, bytes(body))).isEqualTo(new SlackSignature.Generator(secret).generate(ts, body));
        }
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(300);
        for (int i = 0; i < n; i++) {
            s.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : 0xAC00 + random.nextInt(100)));
        }
        return s.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
