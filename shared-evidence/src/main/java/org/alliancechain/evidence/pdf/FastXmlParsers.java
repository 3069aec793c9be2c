package org.alliancechain.evidence.pdf;

import com.itextpdf.kernel.utils.DefaultSafeXmlParserFactory;
import com.itextpdf.kernel.utils.XmlProcessorCreator;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;

/**
 * iText parses each PDF's XMP metadata with a parser factory it looks up through the service
 * loader every time — a fifth of the time of reading or writing a certificate. This one takes the
 * JDK's built-in factories directly; iText still configures them safely (no external entities).
 */
public final class FastXmlParsers extends DefaultSafeXmlParserFactory {

    private static volatile boolean installed;

    /** Installs it for this JVM's iText (idempotent). */
    public static void install() {
        if (!installed) {
            synchronized (FastXmlParsers.class) {
                if (!installed) {
                    XmlProcessorCreator.setXmlParserFactory(new FastXmlParsers());
                    installed = true;
                }
            }
        }
    }

    /**
     * Document builders by (namespace-aware, ignoring comments), one set per thread: building one sets up a whole
     * Xerces configuration, which cost more than parsing a certificate's XMP packet. A builder parses one
     * document after another (each parse starts afresh); it keeps the safe settings it was made with.
     */
    private static final ThreadLocal<DocumentBuilder[]> BUILDERS = ThreadLocal.withInitial(() -> new DocumentBuilder[4]);

    @Override
    public DocumentBuilder createDocumentBuilderInstance(boolean namespaceAware, boolean ignoringComments) {
        var builders = BUILDERS.get();
        int key = (namespaceAware ? 1 : 0) + (ignoringComments ? 2 : 0);
        if (builders[key] == null) {
            builders[key] = super.createDocumentBuilderInstance(namespaceAware, ignoringComments);
        }
        return builders[key];
    }

    @Override
    protected DocumentBuilderFactory createDocumentBuilderFactory() {
        return DocumentBuilderFactory.newDefaultInstance();
    }

    @Override
    protected SAXParserFactory createSAXParserFactory() {
        return SAXParserFactory.newDefaultInstance();
    }
}
