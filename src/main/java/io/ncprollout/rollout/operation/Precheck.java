package io.ncprollout.rollout.operation;

import java.util.Objects;

/**
 * The platform's answer to "may this operation start now?".
 *
 * @param passed  true when the platform said the operation may run
 * @param message the platform's message, verbatim ({@code SUCCESS} or the reason it may not)
 */
public record Precheck(boolean passed, String message) {
    public Precheck {
        Objects.requireNonNull(message, "message == null");
    }
}
