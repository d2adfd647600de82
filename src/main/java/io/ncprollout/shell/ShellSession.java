package io.ncprollout.shell;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.response.Response;
import io.ncprollout.config.DidYouMean;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.tracking.Rollout;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The read loop of the shell. A line is a slash command ({@code /kafka restart demo-kafka}), {@code press <button>},
 * {@code home}, {@code show}, {@code wait}, {@code help} or {@code exit}; while a modal with inputs is open, lines
 * answer its fields ({@link ModalPrompts}). After each line the shell waits until the work it set off has ended,
 * so a script reads exactly like a session typed by hand.
 */
final class ShellSession {
    /** How long a command's follow-up (a precheck, a start) may take before the shell reads on anyway. */
    static final Duration WORK_TIMEOUT = Duration.ofSeconds(30);

    static final String HELP = """
            /kafka restart demo-kafka   any /kafka or /opensearch command, as in Slack ('/kafka help' lists them)
            press refresh-now           press a button of the latest message that has it ('press 1' presses its first button)
            home                        open the bot's Home tab
            show                        print the channel and its threads in full
            wait [until done]           wait until no operation is running (bounded by --timeout), then sum up
            close                       close the open modal
            exit                        quit (so does end of input)
            In a modal: answer each field at its prompt (a select takes the option's number; an empty answer keeps the
            selected one); 'cancel' closes the modal.""";

    /** The operations of the session, as the store knows them. */
    interface Operations {
        List<Rollout> unfinished();

        List<Rollout> all();

        /** Fleets not yet ended: a wait also waits for them (between two waves no operation may run). */
        default int unfinishedFleets() {
            return 0;
        }

        /** Scheduled runs not ended whose time is at or before {@code by}: a wait also waits for those due within it. */
        default int scheduledBy(java.time.Instant by) {
            return 0;
        }

        /** Every fleet of the session, for the summary. */
        default List<Fleet> fleets() {
            return List.of();
        }

        /** Lets the poller end its current cycle and sends whatever Slack edits wait. */
        void settle() throws InterruptedException;
    }

    private final SignedRequests requests;
    private final FakeSlackWorkspace workspace;
    private final Transcript out;
    private final TrackingExecutor work;
    private final Operations operations;
    private final Duration timeout;
    private @Nullable OperationsVerdict lastVerdict;
    private int summedUp;

    ShellSession(SignedRequests requests, FakeSlackWorkspace workspace, Transcript out, TrackingExecutor work,
            Operations operations, Duration timeout) {
        this.requests = requests;
        this.workspace = workspace;
        this.out = out;
        this.work = work;
        this.operations = operations;
        this.timeout = timeout;
    }

    /**
     * Runs until {@code exit} or the end of {@code lines}. A script ({@code script} true) echoes each line after its
     * prompt, skips {@code #} comments, and at its end waits for running operations.
     *
     * @return for a script, the {@link OperationsVerdict} exit code (1 also when it ended inside a modal); otherwise 0
     */
    int run(BufferedReader lines, boolean script) throws IOException, InterruptedException {
        LineSource input = new LineSource(lines, out, script);
        ModalPrompts modal = new ModalPrompts(requests, workspace, out, work, input);
        while (true) {
            if (!modal.answerOpenModal()) {
                if (script) {
                    out.say("[shell] the script ended while the modal still asked for input");
                    return 1;
                }
                return 0;
            }
            String line = input.next("> ", true);
            if (line == null || line.equals("exit") || line.equals("quit")) {
                return script ? finalVerdict().exitCode() : 0;
            }
            handle(line, input);
        }
    }

    private void handle(String line, LineSource input) throws InterruptedException, IOException {
        String lower = line.toLowerCase(Locale.ROOT);
        try {
            if (line.startsWith("/")) {
                int space = line.indexOf(' ');
                String command = space < 0 ? line : line.substring(0, space);
                String text = space < 0 ? "" : line.substring(space + 1).trim();
                List<String> commands = Arrays.stream(Product.values()).map(s -> "/" + s.command()).toList();
                if (!commands.contains(command.toLowerCase(Locale.ROOT))) {
                    // Slack itself would not send a command the app does not have; Bolt's answer is meant for developers
                    out.say("[shell] " + command + " is not a command of this bot: it has " + String.join(" and ", commands)
                            + DidYouMean.closest(command, commands).map(c -> ". Did you mean " + c + "?").orElse("."));
                    return;
                }
                printAck(requests.command(command.toLowerCase(Locale.ROOT), text));
            } else if (lower.startsWith("press ")) {
                String which = line.substring(6).trim();
                Optional<FakeSlackWorkspace.Button> button = workspace.button(which);
                if (button.isEmpty()) {
                    out.say("[shell] no button '" + which + "' on any message");
                    return;
                }
                if (button.get().confirm() != null && !confirmed(button.get().confirm(), input)) {
                    out.say("[shell] not pressed");
                    return;
                }
                printAck(requests.press(button.get()));
            } else if (lower.equals("home")) {
                printAck(requests.openHome());
            } else if (lower.equals("show")) {
                workspace.printChannel();
            } else if (lower.equals("wait") || lower.startsWith("wait ")) {
                waitUntilDone();
            } else if (lower.equals("close")) {
                workspace.closeModal();
            } else if (lower.equals("help")) {
                out.say(HELP);
            } else {
                out.say("[shell] unknown command '" + line + "'; type help");
            }
        } catch (InterruptedException | IOException e) {
            throw e;
        } catch (Exception e) {
            out.say("[shell] the app failed on that: " + e);
        }
        if (!work.awaitIdle(WORK_TIMEOUT)) {
            out.say("[shell] still working after " + WORK_TIMEOUT.toSeconds() + " s; reading on");
        }
    }

    /** Slack's confirmation dialog of a button, asked as Slack asks it: only yes presses the button. */
    private boolean confirmed(JsonObject dialog, LineSource input) throws IOException {
        out.say("[confirm] " + BlockKitText.text(dialog.get("title")) + " " + BlockKitText.text(dialog.get("text")));
        String yes = BlockKitText.text(dialog.get("confirm"));
        String answer = input.next("[" + (yes.isBlank() ? "yes" : yes) + "? y/N]> ", false);
        return answer != null && (answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes"));
    }

    /** The implicit wait at the end of a script; silent when an explicit {@code wait} already summed up the same operations. */
    private OperationsVerdict finalVerdict() throws InterruptedException {
        work.awaitIdle(WORK_TIMEOUT);
        if (lastVerdict != null && operations.unfinished().isEmpty() && operations.all().size() == summedUp) {
            return lastVerdict;
        }
        return waitUntilDone();
    }

    /** Waits until no operation runs (or the timeout), lets the last messages go out, and sums up. */
    OperationsVerdict waitUntilDone() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.time.Instant by = java.time.Instant.now().plus(timeout);
        work.awaitIdle(WORK_TIMEOUT);
        int running = operations.unfinished().size();
        int fleets = operations.unfinishedFleets();
        int scheduled = operations.scheduledBy(by);
        if (running > 0 || fleets > 0 || scheduled > 0) {
            out.say("[shell] waiting for " + running + " running operation(s)" + (fleets > 0 ? " and " + fleets + " fleet(s)" : "")
                    + (scheduled > 0 ? " and " + scheduled + " scheduled run(s) due by then" : "") + " to finish (at most " + timeout.toSeconds() + " s)…");
        }
        while ((!operations.unfinished().isEmpty() || operations.unfinishedFleets() > 0 || operations.scheduledBy(by) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        operations.settle();
        work.awaitIdle(WORK_TIMEOUT);
        OperationsVerdict verdict = OperationsVerdict.of(operations.all(), operations.fleets());
        verdict.lines().forEach(l -> out.say("[shell] " + l));
        lastVerdict = verdict;
        summedUp = operations.all().size();
        out.say("[shell] " + (verdict.exitCode() == 0 ? "done: every operation completed (simulated)" : "not every operation completed"));
        return verdict;
    }

    /** What the app answered in the HTTP response itself: an ephemeral reply, or an error status. */
    private void printAck(Response response) {
        if (response.getStatusCode() != 200) {
            out.say("[shell] the app answered HTTP " + response.getStatusCode() + ": " + response.getBody());
            return;
        }
        String body = response.getBody();
        if (body == null || body.isBlank()) {
            return;
        }
        JsonObject json = parse(body);
        if (json == null) {
            out.lines("only you", List.of(body));
            return;
        }
        out.lines("only you", BlockKitText.message(BlockKitText.string(json, "text"),
                json.has("blocks") && json.get("blocks").isJsonArray() ? json.getAsJsonArray("blocks") : null));
    }

    static @Nullable JsonObject parse(String body) {
        try {
            JsonElement e = JsonParser.parseString(body);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }
}
