package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.tracking.Change;
import io.ncprollout.rollout.tracking.Lease;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit of the embedded store survives the process dying the instant after it returned: a child JVM commits
 * rows and journal phases, says so on its output after each commit returns, and halts (no shutdown, no close,
 * like kill -9) right after one; every row it reported is in the file, in the phase it reported.
 */
class DurableCommitIT {
    @TempDir
    Path dir;

    @Test
    void everyReportedCommit_isInTheFileAfterTheProcessIsKilled() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path data = dir.resolve("round-" + round);
            List<String> reported = runChild(data, 5 + round * 7);

            try (Database database = Database.open(DatabaseSettings.embedded(data))) {
                JdbcRolloutStore store = new JdbcRolloutStore(database.dataSource(), LeaseClock.CALLER);
                assertThat(reported).as("the child reported its commits").isNotEmpty();
                Map<String, String> lastPhase = new LinkedHashMap<>();
                for (String line : reported) {
                    String[] parts = line.split(" ");
                    lastPhase.put(parts[1], parts[2]);
                }
                lastPhase.forEach((id, phase) -> assertThat(store.find(id)).as("row %s after halt", id)
                        .hasValueSatisfying(t -> assertThat(t.phase().name()).isEqualTo(phase)));
            }
        }
    }

    private static List<String> runChild(Path data, int rows) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-DLOG_LEVEL=WARN",
                Child.class.getName(), data.toString(), String.valueOf(rows)).redirectErrorStream(true).start();
        List<String> committed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("committed ")) {
                    committed.add(line);
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("halted on purpose").isEqualTo(137);
        return committed;
    }

    /** The child: claims rows and moves each to ANNOUNCED, reporting every commit, then halts after the last one. */
    public static final class Child {
        public static void main(String[] args) {
            Database database = Database.open(DatabaseSettings.embedded(Path.of(args[0])));
            JdbcRolloutStore store = new JdbcRolloutStore(database.dataSource(), LeaseClock.CALLER);
            int rows = Integer.parseInt(args[1]);
            Lease lease = new Lease("child", Lease.FIRST_EPOCH);
            for (int i = 0; i < rows; i++) {
                TrackedRollout claimed = StoredRollouts.running("r-" + i, StoredRollouts.kafka(String.valueOf(5000 + i), "c" + i), i);
                claimed = new TrackedRollout(claimed.rollout(), ThreadRef.pending("C1"), StartPhase.CLAIMED);
                store.claim(claimed, "child", StoredRollouts.at(i), Duration.ofSeconds(20));
                System.out.println("committed r-" + i + " CLAIMED");
                store.commit(Change.quiet(new TrackedRollout(claimed.rollout(), StoredRollouts.THREAD, StartPhase.ANNOUNCED), lease, StoredRollouts.at(i)));
                System.out.println("committed r-" + i + " ANNOUNCED");
            }
            System.out.flush();
            Runtime.getRuntime().halt(137); // as kill -9: no shutdown hook, no close, nothing flushed by H2
        }
    }
}
