package io.ncprollout.slack.render;

import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Pure: the modal frame shared by the modal renderers, with titles and buttons cut to Slack's 24 characters. */
final class Modals {
    /** Slack's limit for a modal's title, submit and close texts. */
    static final int MODAL_TEXT_MAX = 24;

    private Modals() {
    }

    /** A modal; without {@code submit} it has no submit button (so it must hold no input block). */
    static View modal(Texts t, String callbackId, String title, @Nullable String submit, String close, String metadata,
            List<LayoutBlock> blocks, boolean simulated) {
        List<LayoutBlock> all = new ArrayList<>(blocks);
        if (simulated) {
            all.add(SlackText.note(SlackText.simulated(t)));
        }
        return view(v -> {
            v.type("modal").callbackId(callbackId).privateMetadata(metadata)
                    .title(viewTitle(x -> x.type("plain_text").text(SlackText.plain(title, MODAL_TEXT_MAX, "ncp-rollout-bot"))))
                    .close(viewClose(c -> c.type("plain_text").text(SlackText.plain(close, MODAL_TEXT_MAX, t.t("button.close")))))
                    .blocks(all);
            if (submit != null) {
                v.submit(viewSubmit(s -> s.type("plain_text").text(SlackText.plain(submit, MODAL_TEXT_MAX, "OK"))));
            }
            return v;
        });
    }
}
