package org.alliancechain.einvoice.documents.ofd;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.alliancechain.testsupport.SharedFixtures;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** SM2 keys for tests: generated with BC 1.83, or read from the fixtures' SealBuilder.p12 / USER.p12. */
final class OfdTestKeys {

    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** The seal maker (tax bureau seal system) and the seller's signing key, made fresh. */
    record Keys(SealSigner.SealKey maker, SealSigner.SealKey seller) {

        ElectronicSeal seal(String name) {
            var now = Instant.now();
            return ElectronicSeal.make(name, maker, seller.certificate(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        }
    }

    private OfdTestKeys() {
    }

    static Keys generated() {
        try {
            var makerPair = sm2();
            var maker = new SealSigner.SealKey(makerPair.getPrivate(), certificate("CN=测试电子印章制作系统,O=Alliance Chain Test", makerPair, makerPair));
            var sellerPair = sm2();
            var seller = new SealSigner.SealKey(sellerPair.getPrivate(),
                    certificate("CN=北京互联三六五科技有限公司,SERIALNUMBER=91110108690017781B", sellerPair, makerPair));
            return new Keys(maker, seller);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixtures' keys (password 777777, alias private), as ofdrw's own tests use them. */
    static Keys fromFixtures() {
        return new Keys(p12("ofd/SealBuilder.p12"), p12("ofd/USER.p12"));
    }

    private static SealSigner.SealKey p12(String fixture) {
        try {
            var store = KeyStore.getInstance("PKCS12", BC);
            store.load(new java.io.ByteArrayInputStream(SharedFixtures.bytes(fixture)), "777777".toCharArray());
            return new SealSigner.SealKey((PrivateKey) store.getKey("private", "777777".toCharArray()),
                    (X509Certificate) store.getCertificate("private"));
        } catch (Exception e) {
            throw new IllegalStateException(fixture, e);
        }
    }

    private static KeyPair sm2() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, KeyPair issuerKeys) throws Exception {
        var now = Instant.now();
        String issuer = subjectKeys == issuerKeys ? subject : "CN=测试电子印章制作系统,O=Alliance Chain Test";
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))), new X500Name(subject),
                subjectKeys.getPublic());
        var signer = new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(signer));
    }
}
