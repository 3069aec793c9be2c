package org.alliancechain.service.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.evidence.pki.Pkcs12Identities;
import org.alliancechain.evidence.pki.SigningIdentity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which certificate and key sign an organisation's PDFs. Kept in the same custody as the chain keys:
 * {@code <chain.key-custody.directory>/<organisation>.p12}, opened with the same passphrase — an
 * organisation's own certificate and key, imported from its CA as PKCS#12. Without such a file, and
 * only while {@code suite.evidence.dev-pki-signers} is on (development, tests), the development PKI
 * issues one. Keys are never logged or returned.
 */
@ApplicationScoped
public class DocumentSigners {

    private static final Logger LOG = Logger.getLogger(DocumentSigners.class);

    private final Path custody;
    private final String passphrase;
    private final DevPki pki;
    private final boolean devSigners;
    private final Map<String, SigningIdentity> identities = new ConcurrentHashMap<>();

    DocumentSigners(@ConfigProperty(name = "chain.key-custody.directory") String custody,
                    @ConfigProperty(name = "chain.key-custody.passphrase") String passphrase,
                    @ConfigProperty(name = "suite.evidence.dev-pki-signers", defaultValue = "true") boolean devSigners,
                    DevPki pki) {
        this.custody = Path.of(custody);
        this.passphrase = passphrase;
        this.pki = pki;
        this.devSigners = devSigners;
    }

    /** The organisation's signing identity; an organisation without one cannot have certificates issued. */
    public SigningIdentity of(String organisation) {
        if (!organisation.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw new IllegalArgumentException("not an organisation alias: " + organisation);
        }
        return identities.computeIfAbsent(organisation, this::load);
    }

    private SigningIdentity load(String organisation) {
        var file = custody.resolve(organisation + ".p12");
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                var identity = Pkcs12Identities.load(in, passphrase.toCharArray());
                LOG.infof("signing %s's documents as %s (imported PKCS#12)", organisation, identity.subject());
                return identity;
            } catch (IOException e) {
                throw new IllegalStateException("cannot open the signing identity of " + organisation + " in " + file + ": " + e.getMessage(), e);
            }
        }
        if (!devSigners) {
            throw new IllegalStateException("no signing identity for " + organisation + ": import its PKCS#12 as " + file);
        }
        return pki.documentSigner(organisation, organisation);
    }
}
