package io.ncprollout.ncp.dto;

/**
 * The answer of a pre-check (CDSS rollingRestartPreCheck / rollingUpgradePreCheck, SES
 * rollingUpgradePreCheck).
 *
 * @param passed    true when NCP said the operation may run
 * @param message   NCP's message: {@code SUCCESS}, or why the operation may not run
 * @param code      the envelope code ({@code "0"} when passed); null if NCP sent none
 * @param requestId the envelope requestId, to quote to NCP support; null if NCP sent none
 */
public record PrecheckResult(boolean passed, String message, String code, String requestId) {}
