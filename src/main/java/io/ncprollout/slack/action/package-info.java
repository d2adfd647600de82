/** Button and select handlers: {@link io.ncprollout.slack.action.UpgradeSelectionHandler}, the CMAK button, and the progress message's buttons. */
@NullMarked
package io.ncprollout.slack.action;

import org.jspecify.annotations.NullMarked;
