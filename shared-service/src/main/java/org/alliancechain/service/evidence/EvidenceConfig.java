package org.alliancechain.service.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Evidence settings every service shares ({@code suite.evidence.*}); see shared-service/README.md. */
@ConfigMapping(prefix = "suite.evidence")
public interface EvidenceConfig {

    /** Where this service is reached from outside: CRL distribution points and verification links start here. */
    @WithDefault("http://127.0.0.1:${quarkus.http.port:8080}")
    String publicUrl();

    /** The development PKI's directory, shared by the suite's services; absent: a PKI in memory (tests). */
    Optional<Path> pkiDirectory();

    /** Passphrase of the PKCS#12 files in the PKI directory. */
    @WithDefault("alliance-dev-keystore")
    String pkiPassword();

    /** An external RFC 3161 TSA; absent: the suite's own authority signs the time-stamps. */
    Optional<URI> tsaUrl();

    @WithDefault("10s")
    Duration tsaTimeout();

    /** Largest certificate PDF a verification takes; larger uploads answer 413. */
    @WithDefault("20M")
    MemorySize maxCertificateSize();

    /** Largest original file a verification takes alongside its certificate. */
    @WithDefault("100M")
    MemorySize maxFileSize();

    /** Largest RFC 3161 request the TSA takes (real ones are a few hundred bytes). */
    @WithDefault("16K")
    MemorySize maxTimestampRequestSize();

    /** Further roots (PEM files) trusted for signers and TSAs, besides the suite's own. */
    Optional<List<Path>> trustedRoots();
}
