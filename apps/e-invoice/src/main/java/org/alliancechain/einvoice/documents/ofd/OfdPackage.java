package org.alliancechain.einvoice.documents.ofd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** An OFD package read into memory (OFDs are small) and the few XML steps verification needs. */
final class OfdPackage {

    static final String OFD_NS = "http://www.ofdspec.org/2016";
    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private OfdPackage() {
    }

    /** Entry name (without a leading '/') to content. Accepts GBK names and bytes before the zip (seen in the wild). */
    static Map<String, byte[]> read(byte[] ofd) {
        var files = unzip(ofd, StandardCharsets.UTF_8);
        if (files.isEmpty()) {
            int start = indexOf(ofd, new byte[] {'P', 'K', 3, 4});
            if (start > 0) {
                files = unzip(Arrays.copyOfRange(ofd, start, ofd.length), StandardCharsets.UTF_8);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("not a zip package");
        }
        return files;
    }

    private static Map<String, byte[]> unzip(byte[] zip, Charset names) {
        var files = new HashMap<String, byte[]>();
        long total = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = in.readNBytes(MAX_BYTES);
                total += content.length;
                if (total >= MAX_BYTES) {
                    throw new IllegalArgumentException("package larger than " + MAX_BYTES + " bytes unpacked");
                }
                files.put(strip(entry.getName()), content);
            }
        } catch (IllegalArgumentException e) {
            if (names == StandardCharsets.UTF_8 && String.valueOf(e.getMessage()).contains("MALFORMED")) {
                return unzip(zip, Charset.forName("GBK"));
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Resolves a location written in {@code containingFile}: absolute from the package root, else relative to its folder. */
    static String resolve(String containingFile, String loc) {
        String l = loc.trim().replace('\\', '/');
        if (l.startsWith("/")) {
            return strip(l);
        }
        int slash = containingFile.lastIndexOf('/');
        var parts = new ArrayList<String>(slash < 0 ? List.of() : List.of(containingFile.substring(0, slash).split("/")));
        for (var part : l.split("/")) {
            if (part.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    static Element xml(Map<String, byte[]> files, String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IllegalArgumentException(path + " is missing");
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // untrusted input: no DTDs, no external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException(path + " is not readable XML: " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent, String localName) {
        var result = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    static Element child(Element parent, String localName) {
        var list = children(parent, localName);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("<" + parent.getLocalName() + "> has no <" + localName + ">");
        }
        return list.get(0);
    }

    private static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
