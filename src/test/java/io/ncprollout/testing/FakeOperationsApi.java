package io.ncprollout.testing;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.ClusterDirectory;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsApi;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scriptable {@link OperationsApi}: queue observations and failures, then read what was called. Thread-safe enough for tests. */
public final class FakeOperationsApi implements OperationsApi {
    public final List<ClusterSummary> clusters = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final Deque<Object> observations = new ArrayDeque<>();
    private volatile Precheck precheck = new Precheck(true, "SUCCESS");
    private volatile Observation current;
    private volatile OperationsException startFailure;
    private volatile OperationsException listFailure;
    private volatile OperationsException inspectFailure;
    private volatile Runnable duringObserve = () -> { };
    private volatile Runnable duringPrecheck = () -> { };
    private volatile OperationsException endpointsFailure;
    private volatile io.ncprollout.rollout.operation.DataEndpoints endpoints =
            new io.ncprollout.rollout.operation.DataEndpoints(List.of("localhost:9092"), List.of("localhost:9093"), 3);

    public FakeOperationsApi(Observation current) {
        this.current = current;
    }

    public synchronized FakeOperationsApi thenObserve(Observation observation) {
        observations.add(observation);
        return this;
    }

    public synchronized FakeOperationsApi thenFailRead(OperationsException failure) {
        observations.add(failure);
        return this;
    }

    public void precheckAnswers(Precheck answer) {
        precheck = answer;
    }

    /** Runs {@code action} inside the next precheck, before it answers (another replica acting meanwhile). */
    public void precheckAnswersAfter(Runnable action) {
        duringPrecheck = action;
    }

    /** Every inspection (a status read) fails with {@code failure} from now on. */
    public void failInspect(OperationsException failure) {
        inspectFailure = failure;
    }

    /** Every cluster list (and so every name lookup) fails with {@code failure} from now on. */
    public void failLists(OperationsException failure) {
        listFailure = failure;
    }

    public void startFails(OperationsException failure) {
        startFailure = failure;
    }

    /** Runs {@code action} inside every later observe, before it answers: what happens while a poll waits for NCP. */
    public void duringObserve(Runnable action) {
        duringObserve = action;
    }

    /** A directory that reads this fake on every call (no cache). */
    public ClusterDirectory directory() {
        return new ClusterDirectory() {
            @Override
            public List<ClusterSummary> clusters(Product product, String region) throws OperationsException {
                return listClusters(product, region);
            }

            @Override
            public List<ClusterSummary> reload(Product product, String region) throws OperationsException {
                return listClusters(product, region);
            }
        };
    }

    public long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    @Override
    public List<ClusterSummary> listClusters(Product product, String region) throws OperationsException {
        calls.add("list");
        if (listFailure != null) {
            throw listFailure;
        }
        return new ArrayList<>(clusters.stream().filter(c -> c.cluster().product() == product && c.cluster().region().equals(region)).toList());
    }

    @Override
    public UpgradeOptions upgradeOptions(ClusterRef cluster) {
        calls.add("upgradeOptions");
        return new UpgradeOptions(new VersionChoice("3713006", "Kafka 3.7.1"), List.of(new VersionChoice("3903006", "Kafka 3.9.0")));
    }

    @Override
    public List<ConfigGroupChoice> configGroups(ClusterRef cluster, String versionCode) {
        calls.add("configGroups");
        return List.of(new ConfigGroupChoice("321", "default-3.9.0", ""));
    }

    @Override
    public Observation inspect(OperationKind kind, ClusterRef cluster) throws OperationsException {
        calls.add("inspect");
        if (inspectFailure != null) {
            throw inspectFailure;
        }
        return current;
    }

    @Override
    public Precheck precheck(OperationTarget target) {
        calls.add("precheck");
        Runnable action = duringPrecheck;
        duringPrecheck = () -> { };
        action.run();
        return precheck;
    }

    @Override
    public void start(OperationTarget target) throws OperationsException {
        calls.add("start");
        if (startFailure != null) {
            throw startFailure;
        }
    }

    @Override
    public Observation observe(OperationTarget target, java.time.Duration within) throws OperationsException {
        calls.add("observe");
        Runnable action = duringObserve;
        duringObserve = () -> { };
        action.run();
        return next();
    }

    /** What {@link #endpoints} answers from now on. */
    public void endpointsAnswer(io.ncprollout.rollout.operation.DataEndpoints answer) {
        endpoints = answer;
    }

    /** {@link #endpoints} fails with {@code failure} from now on. */
    public void endpointsFail(OperationsException failure) {
        endpointsFailure = failure;
    }

    @Override
    public io.ncprollout.rollout.operation.DataEndpoints endpoints(ClusterRef cluster) throws OperationsException {
        calls.add("endpoints");
        OperationsException failure = endpointsFailure;
        if (failure != null) {
            throw failure;
        }
        return endpoints;
    }

    private synchronized Observation next() throws OperationsException {
        Object next = observations.isEmpty() ? current : observations.poll();
        if (next instanceof OperationsException failure) {
            throw failure;
        }
        current = (Observation) next;
        return current;
    }
}
