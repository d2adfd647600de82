package io.ncprollout.health;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS that trusts exactly the certificate authorities of one PEM file (a cluster's private CA), and nothing of the
 * JVM's own trust store. Hostname verification is not touched here: the HTTP client keeps checking that the
 * certificate names the host (a DNS name, or an IP address among its IP SANs).
 *
 * @param socketFactory the factory of sockets that trust those CAs
 * @param trustManager  the trust manager behind it
 */
record PemTrust(SSLSocketFactory socketFactory, X509TrustManager trustManager) {

    /**
     * Reads the CAs of {@code pemFile}.
     *
     * @throws ProbeException when the file cannot be read, or holds no certificate
     */
    static PemTrust of(Path pemFile) throws ProbeException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new ProbeException("OpenSearch CA file " + pemFile + " does not exist", e);
        } catch (IOException e) {
            throw new ProbeException("OpenSearch CA file " + pemFile + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ProbeException("OpenSearch CA file " + pemFile + " is not a PEM file of certificates: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new ProbeException("OpenSearch CA file " + pemFile + " holds no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager trustManager = x509(factory.getTrustManagers());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return new PemTrust(context.getSocketFactory(), trustManager);
        } catch (GeneralSecurityException | IOException e) {
            throw new ProbeException("OpenSearch CA file " + pemFile + " cannot be used for TLS: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) throws GeneralSecurityException {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
