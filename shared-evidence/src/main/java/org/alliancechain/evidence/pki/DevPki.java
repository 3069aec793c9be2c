package org.alliancechain.evidence.pki;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The development PKI: a suite root CA that issues each organisation a document-signing
 * certificate and publishes a CRL, and a separate time-stamping root with the TSA's certificate
 * (openssl insists on a TSA certificate with a critical timeStamping usage). Keys are ECDSA P-256.
 * In memory for tests ({@link #inMemory}); kept as PKCS#12 files in a directory for a local suite
 * ({@link #openOrCreate}), so certificates survive restarts. Production imports each organisation's
 * own certificate and key instead ({@link Pkcs12Identities}).
 */
public final class DevPki {

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration LEAF_LIFETIME = Duration.ofDays(825);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningIdentity rootCa;
    private final SigningIdentity tsaRoot;
    private final SigningIdentity tsa;
    private final String crlUrl;
    private final Path directory;
    private final char[] password;
    private final Map<String, SigningIdentity> documentSigners = new ConcurrentHashMap<>();
    private final Map<Revoked, Instant> revoked = new ConcurrentHashMap<>();

    private record Revoked(javax.security.auth.x500.X500Principal issuer, BigInteger serial) {
    }

    private DevPki(SigningIdentity rootCa, SigningIdentity tsaRoot, SigningIdentity tsa, String crlUrl, Path directory, char[] password) {
        this.rootCa = rootCa;
        this.tsaRoot = tsaRoot;
        this.tsa = tsa;
        this.crlUrl = crlUrl;
        this.directory = directory;
        this.password = password;
    }

    /**
     * A fresh PKI in memory.
     *
     * @param crlUrl where relying parties fetch the root's CRL (written into every certificate it issues)
     */
    public static DevPki inMemory(String crlUrl) {
        var rootCa = selfSigned("Alliance Chain Suite Development Root CA");
        var tsaRoot = selfSigned("Alliance Chain Suite Development TSA Root");
        var tsa = issue(tsaRoot, name("Alliance Chain Suite Time-Stamping Authority", "consortium"), Usage.TIME_STAMPING,
                tsaCrlUrl(crlUrl));
        return new DevPki(rootCa, tsaRoot, tsa, crlUrl, null, null);
    }

    /**
     * The PKI kept in {@code directory} (created on first use), its keys in PKCS#12 files under
     * {@code password}. Several services may open it at once: a file lock makes one of them create it.
     */
    public static DevPki openOrCreate(Path directory, char[] password, String crlUrl) {
        try {
            Files.createDirectories(directory);
            try (var channel = java.nio.channels.FileChannel.open(directory.resolve(".lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 var lock = channel.lock()) {
                return openOrCreateLocked(directory, password, crlUrl);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the development PKI in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static DevPki openOrCreateLocked(Path directory, char[] password, String crlUrl) {
        try {
            var rootFile = directory.resolve("root-ca.p12");
            DevPki pki;
            if (Files.exists(rootFile)) {
                pki = new DevPki(read(rootFile, password), read(directory.resolve("tsa-root.p12"), password),
                        read(directory.resolve("tsa.p12"), password), crlUrl, directory, password);
                try (var files = Files.newDirectoryStream(directory, "org-*.p12")) {
                    for (var file : files) {
                        String alias = file.getFileName().toString().replaceAll("^org-|\\.p12$", "");
                        pki.documentSigners.put(alias, read(file, password));
                    }
                }
            } else {
                var fresh = inMemory(crlUrl);
                pki = new DevPki(fresh.rootCa, fresh.tsaRoot, fresh.tsa, crlUrl, directory, password);
                write(directory.resolve("tsa-root.p12"), pki.tsaRoot, password);
                write(directory.resolve("tsa.p12"), pki.tsa, password);
                write(rootFile, pki.rootCa, password);
            }
            return pki;
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the development PKI in " + directory + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate rootCertificate() {
        return rootCa.certificate();
    }

    public X509Certificate tsaRootCertificate() {
        return tsaRoot.certificate();
    }

    /** The time-stamping authority's key and chain (TSA certificate, TSA root). */
    public SigningIdentity timeStampingIdentity() {
        return tsa;
    }

    /** The organisation's document-signing identity, issued on first request (and kept, when the PKI has a directory). */
    public SigningIdentity documentSigner(String organisationAlias, String organisationName) {
        return documentSigners.computeIfAbsent(organisationAlias, alias -> {
            if (directory != null) {
                // Another service of the suite may have issued it meanwhile: take that one.
                var file = directory.resolve("org-" + alias + ".p12");
                try (var channel = java.nio.channels.FileChannel.open(directory.resolve(".lock"),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                     var lock = channel.lock()) {
                    if (Files.exists(file)) {
                        return read(file, password);
                    }
                    var identity = issue(rootCa, name(organisationName, alias), Usage.DOCUMENT_SIGNING, crlUrl);
                    write(file, identity, password);
                    return identity;
                } catch (IOException e) {
                    throw new IllegalStateException("cannot keep the signing identity of " + alias + ": " + e.getMessage(), e);
                }
            }
            return issue(rootCa, name(organisationName, alias), Usage.DOCUMENT_SIGNING, crlUrl);
        });
    }

    /** Where the TSA root's CRL is published: next to the root CA's. */
    public static String tsaCrlUrl(String crlUrl) {
        return crlUrl.contains("/") ? crlUrl.substring(0, crlUrl.lastIndexOf('/') + 1) + "tsa-root.crl" : crlUrl + "-tsa";
    }

    /** The CRL the issuer of this certificate publishes (the root CA's or the TSA root's). */
    public Optional<X509CRL> crlFor(X509Certificate certificate) {
        var issuer = certificate.getIssuerX500Principal();
        if (issuer.equals(rootCa.certificate().getSubjectX500Principal())) {
            return Optional.of(crl());
        }
        if (issuer.equals(tsaRoot.certificate().getSubjectX500Principal())) {
            return Optional.of(tsaCrl());
        }
        return Optional.empty();
    }

    /** The TSA root's CRL (it revokes nothing unless a TSA certificate is {@link #revoke revoked}). */
    public X509CRL tsaCrl() {
        return crlOf(tsaRoot);
    }

    /** Revokes a certificate this PKI issued; the next {@link #crl()} lists it. */
    public void revoke(X509Certificate certificate) {
        revoked.put(new Revoked(certificate.getIssuerX500Principal(), certificate.getSerialNumber()), Instant.now());
        issuedCrls.clear();
    }

    /** The root CA's CRL, valid for a day from now, listing every certificate it issued and revoked. */
    public X509CRL crl() {
        return crlOf(rootCa);
    }

    /** Issued CRLs by CA subject: a CRL is reissued when it is an hour old or a certificate was revoked. */
    private final Map<String, X509CRL> issuedCrls = new ConcurrentHashMap<>();

    private X509CRL crlOf(SigningIdentity ca) {
        String key = ca.certificate().getSubjectX500Principal().getName();
        var current = issuedCrls.get(key);
        if (current != null && current.getThisUpdate().toInstant().isAfter(Instant.now().minus(Duration.ofHours(1)).plusSeconds(60))) {
            return current;
        }
        var fresh = buildCrl(ca);
        issuedCrls.put(key, fresh);
        return fresh;
    }

    private X509CRL buildCrl(SigningIdentity ca) {
        try {
            var now = Instant.now();
            var builder = new X509v2CRLBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            revoked.forEach((serial, at) -> {
                if (serial.issuer().equals(ca.certificate().getSubjectX500Principal())) {
                    builder.addCRLEntry(serial.serial(), Date.from(at), CRLReason.keyCompromise);
                }
            });
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            X509CRLHolder holder = builder.build(new JcaContentSignerBuilder(SIGNATURE).build(ca.privateKey()));
            return new JcaX509CRLConverter().getCRL(holder);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot build the CRL: " + e.getMessage(), e);
        }
    }

    private enum Usage { CA, DOCUMENT_SIGNING, TIME_STAMPING }

    private static SigningIdentity selfSigned(String commonName) {
        var keys = newKeyPair();
        var subject = name(commonName, "consortium");
        return build(subject, keys, subject, keys.getPrivate(), null, Usage.CA, null);
    }

    private static SigningIdentity issue(SigningIdentity issuer, X500Name subject, Usage usage, String crlUrl) {
        var keys = newKeyPair();
        var issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return build(subject, keys, issuerName, issuer.privateKey(), issuer, usage, crlUrl);
    }

    private static SigningIdentity build(X500Name subject, KeyPair keys, X500Name issuerName, PrivateKey issuerKey,
                                         SigningIdentity issuer, Usage usage, String crlUrl) {
        try {
            var now = Instant.now();
            var lifetime = usage == Usage.CA ? CA_LIFETIME : LEAF_LIFETIME;
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(96, RANDOM).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(lifetime)), subject, keys.getPublic());
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            switch (usage) {
                case CA -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case DOCUMENT_SIGNING -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                }
                case TIME_STAMPING -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
            }
            if (crlUrl != null) {
                var point = new DistributionPoint(new DistributionPointName(
                        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null);
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
            }
            var holder = builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey));
            var certificate = new JcaX509CertificateConverter().getCertificate(holder);
            List<X509Certificate> chain = issuer == null ? List.of(certificate)
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of(certificate), issuer.chain().stream()).toList();
            return new SigningIdentity(keys.getPrivate(), chain);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    private static X500Name name(String commonName, String organisationAlias) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, organisationAlias)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, SigningIdentity identity, char[] password) {
        Pkcs12Identities.store(file, identity, password);
    }

    static SigningIdentity read(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            return Pkcs12Identities.load(in, password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
