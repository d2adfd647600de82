/** Modal submissions: {@link io.ncprollout.slack.view.ConfirmSubmissionHandler} checks the typed confirmation and starts the operation. */
@NullMarked
package io.ncprollout.slack.view;

import org.jspecify.annotations.NullMarked;
