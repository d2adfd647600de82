package io.ncprollout.shell;

import com.google.gson.JsonObject;
import com.slack.api.bolt.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fills in the open modal the way a user does in Slack: one prompt per input block ({@code confirm-name>},
 * {@code reason>}; a select takes an option's number), then a {@code view_submission} with the state values built
 * from the view's input blocks. A select that dispatches its choice sends {@code block_actions} at once and the
 * prompts go on with the view the app sends back. When the app answers {@code response_action: errors}, the
 * errors are shown and only those fields are asked again.
 */
final class ModalPrompts {
    private final SignedRequests requests;
    private final FakeSlackWorkspace workspace;
    private final Transcript out;
    private final TrackingExecutor work;
    private final LineSource input;

    ModalPrompts(SignedRequests requests, FakeSlackWorkspace workspace, Transcript out, TrackingExecutor work, LineSource input) {
        this.requests = requests;
        this.workspace = workspace;
        this.out = out;
        this.work = work;
        this.input = input;
    }

    /**
     * Answers and submits the open modal if it has inputs and a submit button; returns at once otherwise.
     *
     * @return false when the input ended while a field was asked for
     */
    /** The id of the last modal whose fields were introduced with how to cancel. */
    private String hinted = "";

    boolean answerOpenModal() throws IOException, InterruptedException {
        Map<String, String> answers = new LinkedHashMap<>();
        while (true) {
            Optional<JsonObject> open = workspace.modal();
            if (open.isEmpty() || !open.get().has("submit") || ModalForm.fields(open.get()).isEmpty()) {
                return true;
            }
            JsonObject view = open.get();
            String id = BlockKitText.string(view, "id");
            if (!id.equals(hinted)) {
                // every modal says once how to get out of it, before its first prompt
                hinted = id;
                out.say("[shell] answer each field at its prompt; type cancel to close the modal");
            }
            boolean viewChanged = false;
            for (ModalForm.Field field : ModalForm.fields(view)) {
                if (answers.containsKey(field.blockId())) {
                    continue;
                }
                Answer answer = ask(field);
                if (answer == Answer.END_OF_INPUT) {
                    return false;
                }
                if (answer == Answer.CANCEL) {
                    workspace.closeModal();
                    return true;
                }
                answers.put(field.blockId(), answer.value());
                if (field.isSelect() && field.dispatch()) {
                    JsonObject option = field.optionWithValue(answer.value()).orElseThrow();
                    try {
                        requests.select(view, ModalForm.stateValues(view, answers), field, option);
                    } catch (Exception e) {
                        out.say("[shell] the app failed on that choice: " + e);
                    }
                    awaitWork();
                    viewChanged = true;
                    break;
                }
            }
            if (!viewChanged && !submit(view, answers)) {
                return true;
            }
        }
    }

    /** A field's answer: typed text or the chosen option's value, or one of the two ways out. */
    private record Answer(String value) {
        static final Answer END_OF_INPUT = new Answer("");
        static final Answer CANCEL = new Answer("");
    }

    /** Asks for one field until the answer is usable. */
    private Answer ask(ModalForm.Field field) throws IOException {
        while (true) {
            String line = input.next(field.blockId() + "> ", false);
            if (line == null) {
                return Answer.END_OF_INPUT;
            }
            if (line.equals("cancel")) {
                return Answer.CANCEL;
            }
            if (!field.isSelect()) {
                return new Answer(line);
            }
            Optional<JsonObject> option = line.isEmpty() ? field.initialOption() : field.option(line);
            if (option.isPresent()) {
                return new Answer(BlockKitText.string(option.get(), "value"));
            }
            out.say("[modal] type an option's number, 1 to " + field.options().size()
                    + (field.initialOption().isPresent() ? " (empty keeps the selected one)" : "") + ", or cancel to close the modal");
        }
    }

    /**
     * Submits the view and applies the app's answer.
     *
     * @return true when the modal may ask again (errors, or an updated view), false when it closed or has nothing to ask
     */
    private boolean submit(JsonObject view, Map<String, String> answers) throws InterruptedException {
        Response response;
        try {
            response = requests.submit(view, ModalForm.stateValues(view, answers));
        } catch (Exception e) {
            out.say("[shell] the app failed on the submission: " + e);
            workspace.closeModal();
            return false;
        }
        JsonObject body = response.getBody() == null ? null : ShellSession.parse(response.getBody());
        String action = body == null ? "" : BlockKitText.string(body, "response_action");
        if (response.getStatusCode() != 200) {
            out.say("[shell] the app answered HTTP " + response.getStatusCode() + ": " + response.getBody());
            workspace.closeModal();
            return false;
        }
        switch (body == null ? "" : action) {
            case "errors" -> {
                List<String> lines = new ArrayList<>();
                Objects.requireNonNull(body).getAsJsonObject("errors").entrySet().forEach(e -> {
                    lines.add("! " + e.getKey() + ": " + e.getValue().getAsString());
                    answers.remove(e.getKey());
                });
                out.lines("modal", lines);
                return true;
            }
            case "update", "push" -> {
                workspace.replaceModal(Objects.requireNonNull(body).getAsJsonObject("view"));
                answers.clear();
                awaitWork();
                return true;
            }
            default -> {
                workspace.closeModal();
                awaitWork();
                return false;
            }
        }
    }

    private void awaitWork() throws InterruptedException {
        if (!work.awaitIdle(ShellSession.WORK_TIMEOUT)) {
            out.say("[shell] still working after " + ShellSession.WORK_TIMEOUT.toSeconds() + " s; reading on");
        }
    }
}
