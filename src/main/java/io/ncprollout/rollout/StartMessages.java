package io.ncprollout.rollout;

/** Pure: the sentences that tell a user what became of a start request (Slack mrkdwn). */
final class StartMessages {
    private StartMessages() {
    }

    private static final java.time.format.DateTimeFormatter FALLBACK =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /**
     * A Slack date token: the reader's Slack shows {@code format} in their zone; every other reader (notifications,
     * the local shell, the audit trail) sees the fallback, a plain {@code 2026-12-03 07:19 UTC}, never a raw instant.
     */
    static String date(java.time.Instant at, String format) {
        return "<!date^" + at.getEpochSecond() + "^" + format + "|" + FALLBACK.format(at) + ">";
    }

    static String busy(TrackedRollout holder) {
        Rollout r = holder.rollout();
        return "<@" + r.request().requester() + "> is already running a " + r.request().kind().auditName().toLowerCase(java.util.Locale.ROOT)
                + " of *" + r.request().cluster().name() + "* (started " + date(r.startedAt(), "{date_short_pretty} {time}") + "). One operation per cluster: wait for it to finish.";
    }

    static String precheckFailed(Precheck precheck) {
        return "Not started: NCP's precheck fails now (the cluster changed since the form opened): " + escape(precheck.message());
    }

    static String precheckUnavailable(OperationsException e) {
        return "Not started: the precheck could not be run again: " + escape(e.getMessage());
    }

    /** NCP's and exceptions' text goes into mrkdwn: escape the characters mrkdwn gives meaning to. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String started(Rollout r) {
        return r.request().kind().auditName() + " of *" + r.request().cluster().name() + "* started; follow it in the thread.";
    }

    static String outcomeUnknown(Rollout r) {
        return "NCP did not answer the start request for *" + r.request().cluster().name()
                + "* in time. It was not sent again; the bot is watching the cluster to find out whether it started.";
    }

    static String startRefusedReason(OperationsException e) {
        return e.reason() == OperationsException.Reason.REFUSED ? "NCP refused the start: " + escape(e.getMessage())
                : "the start could not be sent: " + escape(e.getMessage()) + " Nothing was started.";
    }

    static String claimLost(Rollout r) {
        return "Not started: the request for *" + r.request().cluster().name() + "* was abandoned or taken over while it was"
                + " being started. Nothing was sent to NCP; check the thread and start it again if needed.";
    }
}
