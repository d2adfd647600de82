/** The App Home tab: {@link io.ncprollout.slack.home.AppHomeHandler} publishes the operations view. */
@NullMarked
package io.ncprollout.slack.home;

import org.jspecify.annotations.NullMarked;
