package io.ncprollout.store;

import org.jspecify.annotations.Nullable;

/**
 * The store could not be opened at startup: the database is unreachable, refused the credentials, or its schema
 * could not be migrated, or {@code DATA_DIR} cannot hold the embedded file. Fatal: the message names the
 * variable to fix ({@code DATABASE_URL} or {@code DATA_DIR}) and never carries a password.
 */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
