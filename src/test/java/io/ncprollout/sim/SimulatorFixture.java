package io.ncprollout.sim;

import io.ncprollout.testing.MutableClock;
import java.time.Duration;

/** A running simulator on an ephemeral port with a 100 ms step, a hand-moved clock and a signed client. */
final class SimulatorFixture implements AutoCloseable {
    static final Duration STEP = Duration.ofMillis(100);

    final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
    final NcpSimulator simulator;
    final SignedHttp http;

    SimulatorFixture() {
        this(SimulatorSettings.defaults());
    }

    SimulatorFixture(SimulatorSettings base) {
        simulator = NcpSimulator.start(base.withPort(0).withClock(clock).withNodeStep(STEP)
                .withKeys("TESTACCESSKEY0000001", "TESTSECRETKEY00000000000000000000000001"));
        http = new SignedHttp(simulator, clock);
    }

    /** Moves the clock by {@code steps} node steps. */
    void step(int steps) {
        clock.advance(STEP.multipliedBy(steps));
    }

    @Override
    public void close() {
        simulator.close();
    }
}
