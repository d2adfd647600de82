package io.ncprollout.bench;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the benchmarks of BENCHMARKS.md named on the command line ({@code ack}, {@code budget}, {@code fleet}, {@code scale},
 * {@code restart}); prints to stdout and to {@code target/bench/<name>.txt}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        for (String name : args) {
            try (OutputStream file = new FileOutputStream(dir.resolve(name + ".txt").toFile());
                 PrintStream out = new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8)) {
                out.println("== " + name + " (" + Runtime.getRuntime().availableProcessors() + " cpus, java "
                        + System.getProperty("java.version") + ", max heap " + Stats.mib(Runtime.getRuntime().maxMemory()) + ")");
                switch (name) {
                    case "ack" -> new AckBench(out).run();
                    case "budget" -> new SlackBudgetBench(out).run();
                    case "fleet" -> new FleetBudgetBench(out).run();
                    case "scale" -> new ScaleBench(out).run();
                    case "restart" -> new RestartBench(out).run();
                    default -> throw new IllegalArgumentException("unknown benchmark " + name);
                }
            }
        }
        System.exit(0); // the bots' non-daemon threads (Bolt, OkHttp) must not keep the forked JVM alive
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
