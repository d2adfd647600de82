package io.ncprollout.health;

import io.ncprollout.rollout.health.SearchSnapshot;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchProbe} over HTTP: {@code GET <endpoint>/_cluster/health} on each endpoint in turn, the first 2xx answer
 * wins. Credentials refused (401, 403) end the read at once (every endpoint is the same cluster, with the same users);
 * any other failure moves on to the next endpoint, and when none answered the message names each one and why.
 *
 * <p>Each call is cut at the target's timeout. With a CA file, TLS trusts exactly its CAs; hostname verification stays
 * on either way (OkHttp checks an IP address against the certificate's IP SANs, which is what NCP's private-IP
 * endpoints need). Redirects are not followed, and interceptors of the shared client are dropped, so the basic
 * credentials go to the listed endpoints only. Neither the password nor the Authorization header ever appears in a
 * message or a log line.
 */
public final class OpenSearchHealthProbe implements SearchProbe {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchHealthProbe.class);
    /** The most of an answer that is read: {@code _cluster/health} is a few hundred bytes. */
    private static final long MAX_BODY = 1L << 20;

    private final OkHttpClient base;
    private final Map<Path, Map.Entry<FileTime, PemTrust>> trusts = new ConcurrentHashMap<>();

    /** A probe on a client of its own. */
    public OpenSearchHealthProbe() {
        this(new OkHttpClient());
    }

    /** A probe sharing {@code shared}'s connection pool and threads; its interceptors and timeouts are not used. */
    public OpenSearchHealthProbe(OkHttpClient shared) {
        this.base = Objects.requireNonNull(shared, "shared == null");
    }

    @Override
    public SearchSnapshot read(SearchTarget target) throws ProbeException {
        if (target.endpoints().isEmpty()) {
            throw new ProbeException("No OpenSearch endpoint to read");
        }
        OkHttpClient client = client(target);
        Optional<String> authorization = target.username().map(user -> Credentials.basic(user, target.password().orElse("")));
        List<String> failures = new ArrayList<>();
        for (URI endpoint : target.endpoints()) {
            HttpUrl url = healthUrl(endpoint);
            if (url == null) {
                failures.add(scrub(endpoint.getScheme() + "://" + endpoint.getHost() + ": not an http(s) URL", target));
                continue;
            }
            String where = where(url);
            Optional<SearchSnapshot> seen = readOne(client, url, where, authorization, target, failures);
            if (seen.isPresent()) {
                log.debug("OpenSearch at {} answered status {}", where, seen.get().status());
                return seen.get();
            }
        }
        throw new ProbeException("No OpenSearch endpoint answered: " + String.join("; ", failures));
    }

    /** One endpoint's answer, or empty after adding why it gave none to {@code failures}. */
    private Optional<SearchSnapshot> readOne(OkHttpClient client, HttpUrl url, String where, Optional<String> authorization,
            SearchTarget target, List<String> failures) throws ProbeException {
        Request.Builder request = new Request.Builder().url(url).get().header("Accept", "application/json");
        authorization.ifPresent(value -> request.header("Authorization", value));
        String failure;
        try (Response response = client.newCall(request.build()).execute()) {
            int code = response.code();
            if (code == 401 || code == 403) {
                String hint = target.username().isPresent() ? "" : "; no OpenSearch username is configured";
                throw new ProbeException(scrub("OpenSearch at " + where + " refused the credentials (HTTP " + code + ")" + hint, target));
            }
            if (response.isSuccessful()) {
                Optional<SearchSnapshot> seen = ClusterHealthJson.parse(response.peekBody(MAX_BODY).string());
                if (seen.isPresent()) {
                    return seen;
                }
                failure = "answered HTTP " + code + " but not with _cluster/health JSON";
            } else {
                failure = "HTTP " + code;
            }
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ProbeException("Reading OpenSearch at " + where + " was interrupted", e);
            }
            failure = describe(e, target);
        }
        failure = scrub(where + ": " + failure, target);
        log.debug("OpenSearch health read failed at {}", failure);
        failures.add(failure);
        return Optional.empty();
    }

    private OkHttpClient client(SearchTarget target) throws ProbeException {
        OkHttpClient.Builder builder = base.newBuilder().callTimeout(target.timeout()).connectTimeout(target.timeout())
                .readTimeout(target.timeout()).writeTimeout(target.timeout()).followRedirects(false).followSslRedirects(false);
        builder.interceptors().clear();
        builder.networkInterceptors().clear();
        if (target.caFile().isPresent()) {
            PemTrust trust = trust(target.caFile().get());
            builder.sslSocketFactory(trust.socketFactory(), trust.trustManager());
        }
        return builder.build();
    }

    /**
     * The trust of {@code caFile}, read again only when the file changed: one socket factory per CA file keeps
     * connections to the cluster reusable in the shared pool.
     */
    private PemTrust trust(Path caFile) throws ProbeException {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(caFile);
        } catch (IOException e) {
            return PemTrust.of(caFile); // says why it cannot be read
        }
        Map.Entry<FileTime, PemTrust> cached = trusts.get(caFile);
        if (cached != null && cached.getKey().equals(modified)) {
            return cached.getValue();
        }
        PemTrust trust = PemTrust.of(caFile);
        trusts.put(caFile, Map.entry(modified, trust));
        return trust;
    }

    /** {@code endpoint}'s path (often none) with {@code _cluster/health} appended; any user info in it is dropped. */
    static @Nullable HttpUrl healthUrl(URI endpoint) {
        HttpUrl base = HttpUrl.parse(endpoint.toString());
        if (base == null) {
            return null;
        }
        return base.newBuilder().username("").password("").query(null).fragment(null)
                .addPathSegment("_cluster").addPathSegment("health").build();
    }

    /** {@code https://host:port}, what messages name: never a path, a query or user info. */
    static String where(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.scheme() + "://" + host + ":" + url.port();
    }

    /** Why a call failed, in a few words for the Slack user. */
    static String describe(IOException e, SearchTarget target) {
        if (e instanceof SSLPeerUnverifiedException) {
            return "TLS: the certificate does not name this host (hostname verification failed)";
        }
        if (e instanceof SSLHandshakeException && untrusted(e)) {
            return "TLS handshake failure: certificate not trusted"
                    + target.caFile().map(f -> " by the CA file " + f).orElse(" (no CA file is configured: set the cluster's CA)");
        }
        if (e instanceof SSLException) {
            return "TLS failure: " + e.getMessage();
        }
        if (e instanceof InterruptedIOException) {
            return "timeout (no answer within " + seconds(target.timeout()) + ")";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (cause(e, NoRouteToHostException.class)) {
            return "no route to host";
        }
        if (e instanceof ConnectException || cause(e, ConnectException.class)) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static boolean untrusted(Throwable e) {
        return cause(e, CertificateException.class) || cause(e, CertPathBuilderException.class) || cause(e, CertPathValidatorException.class);
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
    }

    /** {@code message} with the password, should anything have echoed it, replaced by {@code ***}. */
    private static String scrub(String message, SearchTarget target) {
        String password = target.password().orElse("");
        return password.isEmpty() ? message : message.replace(password, "***");
    }
}
