package org.alliancechain.einvoice.documents.ofd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.alliancechain.einvoice.documents.UblInvoices;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

/**
 * An independent check of our seals: ofdrw's own OFDValidator with SESV4ValidateContainer, running with ofdrw-gm
 * and the BouncyCastle 1.68 it was compiled against in an isolated class loader (parent: the platform loader, so
 * the suite's BC 1.83 is invisible to it). The pom copies those jars to target/ofdrw-bc168 (ADR 0016).
 */
class OfdrwCrossCheckTest {

    private static final OfdTestKeys.Keys KEYS = OfdTestKeys.generated();

    @Test
    void ofdrwsValidatorAcceptsTheRealSealedInvoices() throws Exception {
        for (var fixture : List.of("v4signed.ofd", "signedFile.ofd", "1.ofd")) {
            ofdrwValidate(SharedFixtures.path("ofd/" + fixture));
        }
    }

    @Test
    void ofdrwsValidatorAcceptsOurSealedBlueAndRedInvoices() throws Exception {
        var blue = OfdTestInvoices.blue(InvoiceKind.DIGITAL_SPECIAL, 21);
        var red = OfdTestInvoices.fullRed(blue);
        for (var doc : List.of(blue, red)) {
            byte[] ubl = doc.isRed() ? UblInvoices.creditNote(doc) : UblInvoices.invoice(doc);
            byte[] sealed = OfdInvoices.sealed(doc, ubl, OfdInvoicesTest.URL, KEYS.seal("北京互联三六五科技有限公司发票专用章"), KEYS.seller());
            ofdrwValidate(write(sealed));
        }
    }

    /** Proves the harness can fail: ofdrw rejects our tampered copy as well. */
    @Test
    void ofdrwsValidatorRejectsOurTamperedInvoice() throws Exception {
        var doc = OfdTestInvoices.blue(InvoiceKind.DIGITAL_ORDINARY, 22);
        byte[] sealed = OfdInvoices.sealed(doc, null, OfdInvoicesTest.URL, KEYS.seal("北京互联三六五科技有限公司发票专用章"), KEYS.seller());
        byte[] tampered = OfdSealVerificationTest.rewrite(sealed, "Doc_0/Pages/Page_0/Content.xml",
                c -> new String(c, StandardCharsets.UTF_8).replace(doc.number().value(), "24110000000000000000").getBytes(StandardCharsets.UTF_8));
        Path file = write(tampered);

        assertThatThrownBy(() -> ofdrwValidate(file)).hasMessageContaining("FileIntegrityException");
    }

    private static Path write(byte[] ofd) throws Exception {
        Path file = Files.createTempFile("cross-check", ".ofd");
        file.toFile().deleteOnExit();
        return Files.write(file, ofd);
    }

    /** new OFDValidator(new OFDReader(file)).setValidator(new SESV4ValidateContainer()).exeValidate(), by reflection. */
    private static void ofdrwValidate(Path ofd) throws Exception {
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        try (var loader = isolatedOfdrw()) {
            // dom4j finds its DocumentFactory through the context class loader
            thread.setContextClassLoader(loader);
            Class<?> readerType = loader.loadClass("org.ofdrw.reader.OFDReader");
            Class<?> validatorType = loader.loadClass("org.ofdrw.sign.verify.OFDValidator");
            Object container = loader.loadClass("org.ofdrw.sign.verify.container.SESV4ValidateContainer").getConstructor().newInstance();
            assertThat(loader.loadClass("org.bouncycastle.asn1.DERIA5String").getProtectionDomain().getCodeSource().getLocation().toString())
                    .contains("bcprov-jdk15on-1.68");
            try (var reader = (AutoCloseable) readerType.getConstructor(Path.class).newInstance(ofd);
                 var validator = (AutoCloseable) validatorType.getConstructor(readerType).newInstance(reader)) {
                Stream.of(validatorType.getMethods()).filter(m -> m.getName().equals("setValidator")).findFirst().orElseThrow()
                        .invoke(validator, container);
                validatorType.getMethod("exeValidate").invoke(validator);
            } catch (InvocationTargetException e) {
                throw new AssertionError("ofdrw rejects " + ofd.getFileName() + ": " + e.getCause(), e.getCause());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URLClassLoader isolatedOfdrw() throws Exception {
        var urls = new ArrayList<URL>();
        // ofdrw modules and their helpers come from the test class path; BC 1.68 and ofdrw-gm from target/ofdrw-bc168
        for (var name : List.of("org.ofdrw.sign.OFDSigner", "org.ofdrw.reader.OFDReader", "org.ofdrw.pkg.container.OFDDir",
                "org.ofdrw.core.Const", "org.ofdrw.font.Font", "org.ofdrw.gv.GlobalVar", "org.dom4j.Document",
                "net.lingala.zip4j.ZipFile", "org.apache.commons.compress.archivers.ArchiveEntry", "org.apache.commons.io.IOUtils",
                "org.jaxen.XPath", "org.slf4j.Logger")) {
            try {
                urls.add(Class.forName(name).getProtectionDomain().getCodeSource().getLocation());
            } catch (ClassNotFoundException absent) {
                // optional helper not on this class path
            }
        }
        Path isolated = Path.of("target", "ofdrw-bc168");
        try (var jars = Files.list(isolated)) {
            for (var jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        return new URLClassLoader("ofdrw-bc168", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
