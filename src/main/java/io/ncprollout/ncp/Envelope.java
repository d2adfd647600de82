package io.ncprollout.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A successful service envelope {@code {code: 0, message, result, requestId}} (ncp-api.md §2.1),
 * with the result still as a tree so the caller decides its type.
 */
record Envelope(int httpStatus, String code, @Nullable String message, @Nullable String requestId, JsonNode result) {}
