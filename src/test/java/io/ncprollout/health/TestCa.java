package io.ncprollout.health;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A private CA made at test time with the JDK's keytool (okhttp-tls is not available here): the CA's certificate as
 * a PEM file, and a server key and certificate signed by it for {@code 127.0.0.1} only (IP SAN), as NCP's private-IP
 * endpoints would have. Each run makes new keys in {@code dir}.
 */
final class TestCa {
    private static final String PASS = "test-store-pass";

    final Path caPem;
    final Path serverStore;

    private TestCa(Path caPem, Path serverStore) {
        this.caPem = caPem;
        this.serverStore = serverStore;
    }

    /** A CA named {@code name} and a server certificate it signed for {@code san} ({@code ip:127.0.0.1}). */
    static TestCa create(Path dir, String name, String san) throws IOException, InterruptedException {
        Path ca = dir.resolve(name + "-ca.p12");
        Path caPem = dir.resolve(name + "-ca.pem");
        Path server = dir.resolve(name + "-server.p12");
        Path csr = dir.resolve(name + "-server.csr");
        Path serverPem = dir.resolve(name + "-server.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name + " test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", PASS);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASS, "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=opensearch-test",
                "-validity", "2", "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", PASS);
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASS, "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASS, "-infile", csr.toString(),
                "-outfile", serverPem.toString(), "-ext", "san=" + san, "-ext", "eku=serverAuth", "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString(), "-storepass", PASS);
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", serverPem.toString(), "-keystore", server.toString(),
                "-storepass", PASS);
        return new TestCa(caPem, server);
    }

    /** Server sockets presenting the signed certificate (for MockWebServer.useHttps). */
    SSLSocketFactory serverSockets() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            store.load(in, PASS.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASS.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context.getSocketFactory();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
