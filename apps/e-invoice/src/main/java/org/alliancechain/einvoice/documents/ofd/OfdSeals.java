package org.alliancechain.einvoice.documents.ofd;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which electronic seal (GB/T 38540) and SM2 key seal an organisation's OFD invoices. Kept in the key custody beside
 * its chain and PDF keys: {@code <chain.key-custody.directory>/<organisation>-seal.p12} (the SM2 key and the
 * certificate the seal names as its holder, opened with the custody's passphrase) and
 * {@code <organisation>.esl} (the SESeal DER the seal-making system issued). Without them, and only while
 * {@code suite.evidence.dev-pki-signers} is on (development, tests), a development seal-making system — an SM2 key
 * made at start, like the development PKI of the PDFs — issues the organisation a certificate and an invoice seal.
 * The BouncyCastle provider is an instance of our own, never registered (ADR 0016). Keys are never logged or returned.
 */
@ApplicationScoped
public class OfdSeals {

    private static final Logger LOG = Logger.getLogger(OfdSeals.class);
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final Duration DEV_VALIDITY = Duration.ofDays(3 * 365);

    /** An organisation's seal and the key that signs with it. */
    public record Identity(ElectronicSeal seal, SealSigner signer) {
    }

    private final Path custody;
    private final String passphrase;
    private final boolean devSeals;
    private final Map<String, Identity> identities = new ConcurrentHashMap<>();
    private volatile SealSigner devMaker;

    OfdSeals(@ConfigProperty(name = "chain.key-custody.directory") String custody,
             @ConfigProperty(name = "chain.key-custody.passphrase") String passphrase,
             @ConfigProperty(name = "suite.evidence.dev-pki-signers", defaultValue = "true") boolean devSeals) {
        this.custody = Path.of(custody);
        this.passphrase = passphrase;
        this.devSeals = devSeals;
    }

    /**
     * The organisation's seal; {@code legalName} names a development seal ("…发票专用章") and its certificate's
     * subject, with the unified social credit code as its serial number.
     */
    public Identity of(String organisation, String legalName, String creditCode) {
        if (!organisation.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw new IllegalArgumentException("not an organisation alias: " + organisation);
        }
        return identities.computeIfAbsent(organisation, o -> load(o, legalName, creditCode));
    }

    private Identity load(String organisation, String legalName, String creditCode) {
        Path keys = custody.resolve(organisation + "-seal.p12");
        Path seal = custody.resolve(organisation + ".esl");
        if (Files.exists(keys) && Files.exists(seal)) {
            try (var in = Files.newInputStream(keys)) {
                var store = KeyStore.getInstance("PKCS12", BC);
                store.load(in, passphrase.toCharArray());
                String alias = store.aliases().nextElement();
                var signer = SealSigner.of((PrivateKey) store.getKey(alias, passphrase.toCharArray()), (X509Certificate) store.getCertificate(alias));
                var electronic = ElectronicSeal.read(Files.readAllBytes(seal));
                LOG.infof("sealing %s's OFD invoices with seal %s (%s)", organisation, electronic.esId(), electronic.name());
                return new Identity(electronic, signer);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                throw new IllegalStateException("cannot open the OFD seal of " + organisation + " in " + keys + " and " + seal + ": "
                        + e.getMessage(), e);
            }
        }
        if (!devSeals) {
            throw new IllegalStateException("no OFD seal for " + organisation + ": import its SM2 key and certificate as " + keys
                    + " and its seal as " + seal);
        }
        try {
            var maker = devMaker();
            KeyPair pair = sm2();
            var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, legalName).addRDN(BCStyle.SERIALNUMBER, creditCode).build();
            var certificate = certificate(subject, pair, maker);
            var now = Instant.now();
            var electronic = ElectronicSeal.make(legalName + "发票专用章", maker, certificate, now.minus(Duration.ofDays(1)), now.plus(DEV_VALIDITY));
            return new Identity(electronic, SealSigner.of(pair.getPrivate(), certificate));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a development OFD seal for " + organisation + ": " + e.getMessage(), e);
        }
    }

    /** The development seal-making system: a self-signed SM2 certificate made once per start. */
    private synchronized SealSigner devMaker() throws GeneralSecurityException, OperatorCreationException {
        if (devMaker == null) {
            KeyPair pair = sm2();
            var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "开发用电子印章制作系统 (development seal maker)")
                    .addRDN(BCStyle.O, "Alliance Chain Suite").build();
            devMaker = new SealSigner.SealKey(pair.getPrivate(), selfSigned(subject, pair));
        }
        return devMaker;
    }

    private static KeyPair sm2() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(org.bouncycastle.asn1.x500.X500Name subject, KeyPair pair)
            throws GeneralSecurityException, OperatorCreationException {
        return build(subject, subject, pair.getPublic(), pair.getPrivate());
    }

    private static X509Certificate certificate(org.bouncycastle.asn1.x500.X500Name subject, KeyPair subjectKeys, SealSigner maker)
            throws GeneralSecurityException, OperatorCreationException {
        var issuer = org.bouncycastle.asn1.x500.X500Name.getInstance(maker.certificate().getSubjectX500Principal().getEncoded());
        return build(issuer, subject, subjectKeys.getPublic(), ((SealSigner.SealKey) maker).key());
    }

    private static X509Certificate build(org.bouncycastle.asn1.x500.X500Name issuer, org.bouncycastle.asn1.x500.X500Name subject,
                                         java.security.PublicKey key, PrivateKey issuerKey) throws GeneralSecurityException, OperatorCreationException {
        var now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new java.security.SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(DEV_VALIDITY)), subject, key);
        var signer = new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(issuerKey);
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(signer));
    }
}
