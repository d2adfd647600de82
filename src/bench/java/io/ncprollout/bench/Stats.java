package io.ncprollout.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles, sliding-window counts and process CPU, computed here rather than by a library. */
final class Stats {
    private Stats() {
    }

    /** The nearest-rank percentile {@code p} (0..100) of {@code sorted}. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** The largest number of {@code times} (nanos, any order) inside any half-open window {@code [t, t + window)}. */
    static int maxInWindow(long[] times, long windowNanos) {
        long[] t = times.clone();
        Arrays.sort(t);
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < t.length; hi++) {
            while (t[hi] - t[lo] >= windowNanos) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String s(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** CPU time this process has used so far, in nanos. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU seconds of the live threads, grouped by name without a trailing number, largest first (top 8). */
    static String cpuByThread() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byGroup = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byGroup.merge(info.getThreadName().replaceAll("[-_ #]*\\d+$", "").replaceAll("\\d+", "N"), cpu, Long::sum);
            }
        }
        return byGroup.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + " " + s(e.getValue()) + " s").collect(java.util.stream.Collectors.joining(", "));
    }

    static long heapUsedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    /** Samples heap use every 200 ms on a daemon thread; {@link #max()} is the largest seen. */
    static final class HeapSampler {
        private volatile long max;
        private volatile boolean running = true;

        HeapSampler() {
            Thread t = new Thread(() -> {
                while (running) {
                    max = Math.max(max, heapUsedBytes());
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            t.setDaemon(true);
            t.start();
        }

        long max() {
            return max;
        }

        void stop() {
            running = false;
        }
    }
}
