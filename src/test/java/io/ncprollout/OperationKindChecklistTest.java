package io.ncprollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import io.ncprollout.config.RolloutConfigFile;
import io.ncprollout.ncp.NcpClientSettings;
import io.ncprollout.ncp.NcpClients;
import io.ncprollout.ncp.NcpEndpoints;
import io.ncprollout.ncp.NcpOperationsGateway;
import io.ncprollout.ncp.RetryPolicy;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.TrackerSettings;
import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorSettings;
import io.ncprollout.slack.SlackListeners;
import io.ncprollout.slack.command.CommandLine;
import io.ncprollout.slack.command.CommandParser;
import io.ncprollout.slack.render.CmakMessages;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.StatusMessages;
import io.ncprollout.testing.MutableClock;
import io.ncprollout.testing.Observations;
import io.ncprollout.testing.SlackPayloads;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checklist of the README's "Adding an operation kind", run for every {@link OperationKind}: each kind is
 * registered (its confirmation reaches a handler of the real Bolt app), parsable (its slash command parses to it, help
 * lists it, the configuration file may grant it), rendered (its words are in both bundles and its confirmation
 * renders) and simulated and NCP-adapted (through the gateway against the simulator: precheck, start, then progress
 * until the kind's own completion rule says done). A kind that lacks any of them fails here by name.
 */
class OperationKindChecklistTest {
    private static final String SIGNING_SECRET = "checklist-signing-secret";
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(15);

    @ParameterizedTest
    @EnumSource(OperationKind.class)
    void registered_itsConfirmationReachesAHandlerOfTheBoltApp(OperationKind kind) throws Exception {
        App app = appWithConfirmations();

        Response response = switch (kind.confirmation()) {
            case TYPED_NAME -> submitView(app, kind.confirmationId());
            case BUTTON -> pressButton(app, kind.confirmationId());
        };

        assertThat(response.getStatusCode()).as("%s (%s) is handled", kind, kind.confirmationId()).isEqualTo(200);
        assertThat(response.getBody()).contains("handled");
    }

    @Test
    void registered_anIdNoKindHas_isNotHandled() throws Exception {
        App app = appWithConfirmations();

        assertThat(submitView(app, "no-such-confirm").getStatusCode()).isEqualTo(404);
        assertThat(pressButton(app, "no-such-confirm").getStatusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(OperationKind.class)
    void parsable_itsCommandParsesToItAndHelpAndTheConfigFileKnowIt(OperationKind kind) {
        String command = "/" + kind.product().command();

        CommandLine line = CommandParser.parse(command, kind.action() + " demo" + (kind.isVersioned() ? " 1.2.3" : ""));
        String help = StatusMessages.help(command, false, false, Locale.ENGLISH).blocks().toString();

        assertThat(OperationKind.find(line.product(), line.action())).contains(kind);
        assertThat(line.cluster()).contains("demo");
        assertThat(help).contains(command + " " + kind.action());
        assertThatCode(() -> RolloutConfigFile.parse("permissions:\n  - services: [" + kind.product().command() + "]\n    actions: ["
                + kind.action() + "]\n    clusters: ['*']\n    users: [U012ABCDEF]\n", "checklist")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(OperationKind.class)
    void rendered_itsWordsAreInBothBundles(OperationKind kind) throws IOException {
        Properties english = bundle("i18n/messages.properties");
        Properties korean = bundle("i18n/messages_ko.properties");

        for (OperationKind.Word word : OperationKind.Word.values()) {
            assertThat(english).as("English %s", word).containsKey(kind.messageKey(word));
            assertThat(korean).as("Korean %s", word).containsKey(kind.messageKey(word));
        }
    }

    @ParameterizedTest
    @EnumSource(OperationKind.class)
    void rendered_itsConfirmationRendersInBothLanguages(OperationKind kind) {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            String json = switch (kind.confirmation()) {
                case TYPED_NAME -> {
                    View view = new ConfirmationViews(false).confirm(sample(kind), current(kind.product()), new Precheck(true, "SUCCESS"), "{}", locale);
                    assertThat(view.getCallbackId()).isEqualTo(kind.confirmationId());
                    assertThat(view.getSubmit()).isNotNull();
                    yield GsonFactory.createSnakeCase().toJson(view);
                }
                case BUTTON -> GsonFactory.createSnakeCase().toJson(CmakMessages.confirm(cluster(kind.product()), current(kind.product()), false,
                        locale).blocks());
            };
            assertThat(json).as("%s in %s", kind, locale).contains(kind.confirmationId());
        }
    }

    @ParameterizedTest
    @EnumSource(OperationKind.class)
    void simulatedAndAdapted_startsOnceAndRunsToItsCompletionRule(OperationKind kind) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
        try (NcpSimulator simulator = NcpSimulator.start(SimulatorSettings.defaults().withPort(0).withClock(clock).withNodeStep(STEP));
             NcpClients clients = NcpClients.create(new NcpClientSettings(simulator.accessKey(), simulator.secretKey(),
                     new NcpEndpoints(simulator.baseUrl(), simulator.baseUrl()), clock, RetryPolicy.defaults(), clock::advance,
                     Duration.ofSeconds(2), Duration.ofSeconds(5)).withMaxRequestsPerSecond(10_000))) {
            NcpOperationsGateway gateway = new NcpOperationsGateway(clients);
            // GIVEN the kind's target on a seeded cluster of its service, at the newest version NCP offers
            ClusterRef cluster = gateway.listClusters(kind.product(), "KR").stream().map(c -> c.cluster())
                    .filter(c -> c.name().equals(cluster(kind.product()).name())).findFirst().orElseThrow();
            Optional<String> version = kind.isVersioned() ? Optional.of(gateway.upgradeOptions(cluster).newer().get(0).code()) : Optional.empty();
            Optional<String> group = kind.needsConfigGroup()
                    ? gateway.configGroups(cluster, version.orElseThrow()).stream().map(ConfigGroupChoice::number).findFirst() : Optional.empty();
            OperationTarget target = new OperationTarget(kind, cluster, version, group);
            Observation before = gateway.inspect(kind, cluster);

            // WHEN its precheck passes and it is started, then polled as the tracker does
            assertThat(gateway.precheck(target).passed()).as("precheck of %s", kind).isTrue();
            gateway.start(target);
            Rollout rollout = Rollout.started("r-" + kind, new RolloutRequest(target, "U1", "checklist"), clock.instant());
            RolloutTransitions transitions = new RolloutTransitions(TrackerSettings.of(POLL, Duration.ofMinutes(30)));
            for (int poll = 0; poll < 200 && !rollout.state().isTerminal(); poll++) {
                clock.advance(POLL);
                rollout = transitions.next(rollout, gateway.observe(target, Duration.ofSeconds(10)), clock.instant()).rollout();
            }

            // THEN the simulator showed it at work, and the kind's completion rule saw it done
            assertThat(before.nodes()).as("inspected nodes of %s", kind).isNotEmpty();
            assertThat(rollout.tracking().changeSeen()).as("%s showed progress", kind).isTrue();
            assertThat(rollout.state()).as("%s ended", kind).isEqualTo(RolloutState.COMPLETED);
        }
    }

    private static App appWithConfirmations() {
        App app = new App(AppConfig.builder().signingSecret(SIGNING_SECRET).requestVerificationEnabled(false).build());
        SlackListeners.registerConfirmations(app, (req, ctx) -> handled(), (req, ctx) -> handled());
        return app;
    }

    private static Response handled() {
        return Response.builder().statusCode(200).body("handled").build();
    }

    private static Response submitView(App app, String callbackId) throws Exception {
        JsonObject view = new JsonObject();
        view.addProperty("callback_id", callbackId);
        String json = SlackPayloads.viewSubmission(view, Map.of(), "U1");
        String body = "payload=" + SlackPayloads.enc(json);
        return app.run(new ViewSubmissionRequest(body, json, new RequestHeaders(Map.of())));
    }

    private static Response pressButton(App app, String actionId) throws Exception {
        JsonObject payload = JsonParser.parseString("{\"type\":\"block_actions\",\"team\":{\"id\":\"T0TEST\",\"domain\":\"test\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"alice\",\"team_id\":\"T0TEST\"},\"api_app_id\":\"A0TEST\"}").getAsJsonObject();
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b");
        action.addProperty("type", "button");
        action.addProperty("value", "v");
        action.addProperty("action_ts", "1");
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        String json = payload.toString();
        String body = "payload=" + SlackPayloads.enc(json);
        return app.run(new BlockActionRequest(body, json, new RequestHeaders(Map.of())));
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OperationKindChecklistTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** The seeded simulator cluster the checklist runs each service's kinds on. */
    private static ClusterRef cluster(Product product) {
        return switch (product) {
            case KAFKA -> new ClusterRef(product, "10178538", "demo-kafka", "KR");
            case OPENSEARCH -> new ClusterRef(product, "10371234", "demo-search", "KR");
        };
    }

    private static OperationTarget sample(OperationKind kind) {
        return new OperationTarget(kind, cluster(kind.product()), kind.isVersioned() ? Optional.of("9999999") : Optional.empty(),
                kind.needsConfigGroup() ? Optional.of("1") : Optional.empty());
    }

    private static Observation current(Product product) {
        return switch (product) {
            case KAFKA -> Observations.cluster("running").broker("demo-kafka-b-1", "green").cmak("green").build();
            case OPENSEARCH -> Observations.cluster("running").version("2150").data("demo-search-d-1", "running").build();
        };
    }
}
