package org.alliancechain.evidence.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pki.DevPki;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.alliancechain.testsupport.TestTools;

class TimeStampAuthorityTest {

    private static final DevPki PKI = DevPki.inMemory("http://127.0.0.1:1/pki/root.crl");
    private final TimeStampAuthority tsa = new TimeStampAuthority(PKI.timeStampingIdentity());
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void opensslVerifiesOurTokenForItsOwnRequest(@TempDir Path dir) throws Exception {
        TestTools.assume(TestTools.OPENSSL, "the independent openssl check");
        var data = Files.writeString(dir.resolve("evidence.txt"), "仲裁证据 evidence " + Instant.now());
        openssl(dir, "ts", "-query", "-data", data.toString(), "-sha256", "-cert", "-out", "request.tsq");
        Files.write(dir.resolve("reply.tsr"), tsa.respond(Files.readAllBytes(dir.resolve("request.tsq"))));
        Files.writeString(dir.resolve("tsa-root.pem"), org.alliancechain.evidence.pki.Pem.certificate(PKI.tsaRootCertificate()));

        String verified = openssl(dir, "ts", "-verify", "-data", data.toString(), "-in", "reply.tsr", "-CAfile", "tsa-root.pem");
        assertThat(verified).contains("Verification: OK");

        // The same token over different data: openssl must refuse it.
        var other = Files.writeString(dir.resolve("other.txt"), "something else");
        assertThat(opensslStatus(dir, "ts", "-verify", "-data", other.toString(), "-in", "reply.tsr", "-CAfile", "tsa-root.pem"))
                .isNotZero();
    }

    @Test
    void tokensForSha256AndSm3ImprintsVerifyAgainstTheTsaCertificate() throws Exception {
        for (var algorithm : HashAlgorithm.values()) {
            byte[] digest = algorithm.digest("record".getBytes(StandardCharsets.UTF_8));
            var token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(tsa.timestamp(algorithm, digest)));
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(PKI.timeStampingIdentity().certificate()));
            assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
            assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo(TimeStampAuthority.POLICY_OID);
            assertThat(token.getTimeStampInfo().getGenTime()).isCloseTo(new java.util.Date(), 5_000);
        }
    }

    @Test
    void tokensMadeConcurrentlyAllVerify() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var verifier = new JcaSimpleSignerInfoVerifierBuilder().build(PKI.timeStampingIdentity().certificate());
        List<java.util.concurrent.Future<byte[]>> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] digest = HashAlgorithm.SHA256.digest(("item " + i).getBytes(StandardCharsets.UTF_8));
            tokens.add(pool.submit(() -> tsa.timestamp(HashAlgorithm.SHA256, digest)));
        }
        var serials = new java.util.HashSet<java.math.BigInteger>();
        for (var token : tokens) {
            var parsed = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(token.get()));
            parsed.validate(verifier);
            serials.add(parsed.getTimeStampInfo().getSerialNumber());
        }
        pool.shutdown();
        assertThat(serials).hasSize(400);
    }

    @Test
    void opensslVerifiesATokenWithoutCertificatesWhenTheRequestAskedForNone(@TempDir Path dir) throws Exception {
        TestTools.assume(TestTools.OPENSSL, "the independent openssl check");
        var data = Files.writeString(dir.resolve("evidence.txt"), "no certificates, please " + Instant.now());
        openssl(dir, "ts", "-query", "-data", data.toString(), "-sha256", "-out", "request.tsq");
        byte[] reply = tsa.respond(Files.readAllBytes(dir.resolve("request.tsq")));
        Files.write(dir.resolve("reply.tsr"), reply);
        var token = new TimeStampResponse(reply).getTimeStampToken();
        assertThat(token.getCertificates().getMatches(null)).isEmpty();
        Files.writeString(dir.resolve("tsa-root.pem"), org.alliancechain.evidence.pki.Pem.certificate(PKI.tsaRootCertificate()));
        Files.writeString(dir.resolve("tsa.pem"), org.alliancechain.evidence.pki.Pem.certificate(PKI.timeStampingIdentity().certificate()));

        String verified = openssl(dir, "ts", "-verify", "-data", data.toString(), "-in", "reply.tsr", "-CAfile", "tsa-root.pem",
                "-untrusted", "tsa.pem");
        assertThat(verified).contains("Verification: OK");
    }

    /**
     * The tokens are written directly (TokenEncoder) in BouncyCastle's layout: for the same request, serial and times
     * they are BouncyCastle's bytes exactly, signature included (the P-256 signatures are deterministic). Many digests,
     * so signatures of every DER length (70 to 72 bytes) come by; both hash algorithms; with and without a nonce and
     * certificates, as requests over HTTP may ask.
     */
    @Test
    void ourTokensAreBouncyCastlesByteForByte() throws Exception {
        var verifier = new JcaSimpleSignerInfoVerifierBuilder().build(PKI.timeStampingIdentity().certificate());
        var signatureLengths = new java.util.HashSet<Integer>();
        for (int i = 0; i < 120; i++) {
            var algorithm = HashAlgorithm.values()[i % 2];
            var generator = new org.bouncycastle.tsp.TimeStampRequestGenerator();
            generator.setCertReq(i % 3 != 0);
            byte[] digest = algorithm.digest(("record " + i).getBytes(StandardCharsets.UTF_8));
            var request = i % 4 == 0 ? generator.generate(TimeStampAuthority.oid(algorithm), digest)
                    : generator.generate(TimeStampAuthority.oid(algorithm), digest, java.math.BigInteger.valueOf(1_000_003L * i));
            // A genTime with milliseconds: both write whole seconds.
            var genTime = new java.util.Date(System.currentTimeMillis() + 1_001L * i);
            byte[] theirs = tsa.bouncyCastleToken(request, genTime);

            var token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(theirs));
            var signingTime = org.bouncycastle.asn1.cms.Time.getInstance(token.getSignedAttributes()
                    .get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime).getAttrValues().getObjectAt(0)).getDate().toInstant();
            byte[] ours = tsa.encodedToken(request, token.getTimeStampInfo().getSerialNumber(),
                    token.getTimeStampInfo().getGenTime().toInstant(), signingTime);

            assertThat(java.util.HexFormat.of().formatHex(ours)).as("token %d", i).isEqualTo(java.util.HexFormat.of().formatHex(theirs));
            new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(ours)).validate(verifier);
            signatureLengths.add(token.toCMSSignedData().getSignerInfos().getSigners().iterator().next().getSignature().length);
        }
        assertThat(signatureLengths).as("DER lengths of the signatures met").hasSizeGreaterThan(1);
    }

    @Test
    void aRequestNamingAnotherPolicyIsRefused() throws Exception {
        var generator = new org.bouncycastle.tsp.TimeStampRequestGenerator();
        generator.setReqPolicy(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5"));
        byte[] digest = HashAlgorithm.SHA256.digest("policy".getBytes(StandardCharsets.UTF_8));
        var reply = new TimeStampResponse(tsa.respond(generator.generate(TimeStampAuthority.oid(HashAlgorithm.SHA256), digest).getEncoded()));
        assertThat(reply.getStatus()).isEqualTo(2);
        assertThat(reply.getFailInfo().intValue()).isEqualTo(org.bouncycastle.asn1.cmp.PKIFailureInfo.unacceptedPolicy);

        generator.setReqPolicy(new org.bouncycastle.asn1.ASN1ObjectIdentifier(TimeStampAuthority.POLICY_OID));
        var granted = new TimeStampResponse(tsa.respond(generator.generate(TimeStampAuthority.oid(HashAlgorithm.SHA256), digest).getEncoded()));
        assertThat(granted.getStatus()).isZero();
        assertThat(granted.getTimeStampToken().getTimeStampInfo().getPolicy().getId()).isEqualTo(TimeStampAuthority.POLICY_OID);
    }

    @Test
    void anImprintOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> tsa.timestamp(HashAlgorithm.SHA256, new byte[20]))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("sha256 imprint is 32 bytes, not 20");
    }

    @Test
    void aMalformedRequestGetsARejectionNotAnException() throws Exception {
        var reply = new TimeStampResponse(tsa.respond("not DER at all".getBytes(StandardCharsets.UTF_8)));
        assertThat(reply.getStatus()).isEqualTo(2); // PKIStatus.rejection
        assertThat(reply.getTimeStampToken()).isNull();
    }

    @Test
    void theHttpClientGetsACheckedTokenFromAnRfc3161Server() throws Exception {
        var url = serve("application/timestamp-reply", 200);
        byte[] digest = HashAlgorithm.SHA256.digest("file".getBytes(StandardCharsets.UTF_8));
        var token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(new HttpTimeStamper(url, Duration.ofSeconds(5))
                .timestamp(HashAlgorithm.SHA256, digest)));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(token.getTimeStampInfo().getNonce()).isNotNull();
    }

    @Test
    void theHttpClientExplainsWhatWentWrong() throws Exception {
        byte[] digest = HashAlgorithm.SHA256.digest(new byte[1]);
        var wrongType = serve("text/html", 200);
        assertThatThrownBy(() -> new HttpTimeStamper(wrongType, Duration.ofSeconds(5)).timestamp(HashAlgorithm.SHA256, digest))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("text/html, not application/timestamp-reply");
        server.stop(0);
        var failing = serve("application/timestamp-reply", 503);
        assertThatThrownBy(() -> new HttpTimeStamper(failing, Duration.ofSeconds(5)).timestamp(HashAlgorithm.SHA256, digest))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("answered HTTP 503");
        server.stop(0);
        server = null;
        assertThatThrownBy(() -> new HttpTimeStamper(failing, Duration.ofSeconds(2)).timestamp(HashAlgorithm.SHA256, digest))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("cannot reach the TSA");
    }

    private URI serve(String contentType, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] reply = tsa.respond(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }


    static String openssl(Path dir, String... args) throws Exception {
        var process = start(dir, args);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl %s: %s", String.join(" ", args), out).isZero();
        return out;
    }

    static int opensslStatus(Path dir, String... args) throws Exception {
        var process = start(dir, args);
        process.getInputStream().readAllBytes();
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue();
    }

    private static Process start(Path dir, String... args) throws IOException {
        var command = new java.util.ArrayList<String>();
        command.add("openssl");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }
}
