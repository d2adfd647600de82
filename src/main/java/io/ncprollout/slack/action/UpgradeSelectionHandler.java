package io.ncprollout.slack.action;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.slack.ModalMetadata;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.slack.command.UpgradeFlow;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A new target version or config group picked in an upgrade modal: ack at once, then rebuild the form for the
 * new pair (the version's config groups, NCP's precheck) and update the modal, guarded by the view's hash.
 */
public final class UpgradeSelectionHandler implements BlockActionHandler {
    private final Executor work;
    private final UpgradeFlow flow;

    public UpgradeSelectionHandler(Executor work, UpgradeFlow flow) {
        this.work = work;
        this.flow = flow;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        View view = payload.getView();
        Optional<BlockActionPayload.Action> clicked = FirstAction.of(payload);
        if (view == null || clicked.isEmpty()) {
            return ctx.ack();
        }
        Optional<ModalMetadata> decoded = ModalMetadata.decode(view.getPrivateMetadata() == null ? "" : view.getPrivateMetadata());
        BlockActionPayload.Action action = clicked.get();
        String picked = action.getSelectedOption() == null ? null : action.getSelectedOption().getValue();
        if (decoded.isEmpty() || picked == null) {
            return ctx.ack();
        }
        ModalMetadata meta = decoded.get();
        boolean versionChanged = SlackIds.ActionIds.TARGET_VERSION_SELECT.equals(action.getActionId());
        Optional<String> version = versionChanged ? Optional.of(picked) : Optional.ofNullable(meta.targetVersion());
        Optional<String> group = versionChanged ? Optional.empty() : Optional.of(picked);
        ClusterRef cluster = new ClusterRef(meta.operationKind().product(), meta.clusterNo(), meta.clusterName(), meta.region());
        work.execute(() -> SlackCallGuard.viewsUpdate(ctx.client(), view.getId(), view.getHash(),
                flow.form(meta.operationKind(), cluster, version, group, new UpgradeFlow.Asker(meta.channel(), meta.responseUrlIfAny().orElse(""),
                        payload.getUser() == null ? "" : payload.getUser().getId(), meta.note()))));
        return ctx.ack();
    }
}
