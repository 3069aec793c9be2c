package org.alliancechain.evidence.pdf;

import com.itextpdf.kernel.utils.DefaultSafeXmlParserFactory;
import com.itextpdf.kernel.utils.XmlProcessorCreator;
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

    @Override
    protected DocumentBuilderFactory createDocumentBuilderFactory() {
        return DocumentBuilderFactory.newDefaultInstance();
    }

    @Override
    protected SAXParserFactory createSAXParserFactory() {
        return SAXParserFactory.newDefaultInstance();
    }
}
