package org.alliancechain.evidence.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A file's type recognised from its content — magic numbers and structure — never from its name.
 *
 * <p>{@link #detect(byte[])} always answers one of the constants below; it never throws for any
 * content and reads nothing but the array. Executables (ELF, Windows PE/DOS {@code MZ}, Mach-O,
 * Java classes, JAR, APK, MSI and {@code #!} scripts) are recognised as {@link Kind#EXECUTABLE} so
 * that callers can refuse them. ZIP-based formats are told apart by their entries: Word, Excel and
 * PowerPoint files (with or without macros), OpenDocument, EPUB, OFD ({@code OFD.xml} at the root),
 * WACZ ({@code datapackage.json} and {@code archive/*.warc[.gz]}), JAR and APK versus plain ZIP.
 * Legacy Office files (OLE2 compound files) are told apart by their streams. WARC captures are
 * recognised by their version line, plain or in a first gzip member. Text is valid UTF-8
 * (or UTF-16 with a byte order mark) without control characters other than tab, line feed,
 * carriage return and form feed; JSON, XML (and among it UBL invoices and credit notes), HTML, SVG,
 * CSV, TSV, e-mail and MHTML pages are recognised among text when that is cheap and certain enough,
 * anything else is {@link #TEXT}. Text in legacy
 * encodings (GBK, Latin-1, ...) is not recognised as text. Anything unrecognised is
 * {@link #UNKNOWN} ({@code application/octet-stream}).
 *
 * <p>{@link #disguised(String, ContentType)} says whether an uploaded file's name claims another
 * type than its content, such as {@code invoice.pdf} holding a Windows program or a ZIP archive.
 *
 * @param mediaType the IANA media type, e.g. {@code application/pdf}
 * @param label     a short English description for people, e.g. {@code PDF document}
 * @param extension the canonical file-name extension without the dot, e.g. {@code pdf}
 *                  (empty for {@link #EMPTY})
 * @param kind      the broad family, see {@link Kind}
 * @param aliases   further extensions files of this type are commonly saved under, e.g. {@code jpeg}
 */
public record ContentType(String mediaType, String label, String extension, Kind kind, List<String> aliases) {

    /** The broad family of a type. */
    public enum Kind {
        DOCUMENT, IMAGE, AUDIO, VIDEO,
        /** Text, including markup (HTML, SVG, XML) that a browser may interpret. */
        TEXT,
        /** An archive of other files (ZIP, 7z, RAR, gzip, bzip2, xz, tar); Office and OpenDocument files are documents. */
        ARCHIVE,
        /** Something a computer runs: programs, libraries, installers, Java classes and archives, {@code #!} scripts. */
        EXECUTABLE,
        /** A password-protected document whose content cannot be read. */
        ENCRYPTED,
        /** No bytes at all. */
        EMPTY,
        /** Not recognised. */
        UNKNOWN
    }

    /** Extensions any text type may carry: what text is saved under depends on its use, not its bytes. */
    private static final Set<String> TEXT_EXTENSIONS = Set.of(
            "txt", "text", "log", "md", "markdown", "rst", "csv", "tsv", "tab", "json", "xml", "html", "htm",
            "xhtml", "svg", "eml", "yaml", "yml", "ini", "cfg", "conf", "properties", "asc", "srt", "vtt");

    /** Extensions of programs, scripts and installers that operating systems or browsers may run. */
    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            "exe", "dll", "com", "scr", "pif", "cpl", "sys", "drv", "ocx", "efi", "msi", "msp", "mst", "msc",
            "appx", "msix", "appxbundle", "msixbundle", "bat", "cmd", "ps1", "psm1", "psd1", "vbs", "vbe", "js", "jse",
            "mjs", "wsf", "wsh", "ws", "hta", "jar", "class", "lnk", "url", "reg", "inf", "scf", "gadget", "sh", "bash",
            "zsh", "ksh", "csh", "command", "app", "apk", "ipa", "elf", "so", "dylib", "run", "bin", "py", "pl", "rb", "php");

    // Documents
    public static final ContentType PDF = of("application/pdf", "PDF document", Kind.DOCUMENT, "pdf");
    public static final ContentType RTF = of("application/rtf", "RTF document", Kind.DOCUMENT, "rtf");
    public static final ContentType DOCX = of("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word document", Kind.DOCUMENT, "docx", "dotx");
    public static final ContentType DOCM = of("application/vnd.ms-word.document.macroEnabled.12",
            "Word document with macros", Kind.DOCUMENT, "docm", "dotm");
    public static final ContentType XLSX = of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Excel workbook", Kind.DOCUMENT, "xlsx", "xltx");
    public static final ContentType XLSM = of("application/vnd.ms-excel.sheet.macroEnabled.12",
            "Excel workbook with macros", Kind.DOCUMENT, "xlsm", "xltm", "xlam");
    public static final ContentType PPTX = of("application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "PowerPoint presentation", Kind.DOCUMENT, "pptx", "potx", "ppsx");
    public static final ContentType PPTM = of("application/vnd.ms-powerpoint.presentation.macroEnabled.12",
            "PowerPoint presentation with macros", Kind.DOCUMENT, "pptm", "potm", "ppsm");
    public static final ContentType ODT = of("application/vnd.oasis.opendocument.text", "OpenDocument text", Kind.DOCUMENT, "odt", "ott");
    public static final ContentType ODS = of("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet",
            Kind.DOCUMENT, "ods", "ots");
    public static final ContentType ODP = of("application/vnd.oasis.opendocument.presentation", "OpenDocument presentation",
            Kind.DOCUMENT, "odp", "otp");
    public static final ContentType ODG = of("application/vnd.oasis.opendocument.graphics", "OpenDocument drawing",
            Kind.DOCUMENT, "odg", "otg");
    public static final ContentType EPUB = of("application/epub+zip", "EPUB e-book", Kind.DOCUMENT, "epub");
    /** An OFD document (GB/T 33190, China's fixed-layout format of 数电 e-invoices): a ZIP whose root holds {@code OFD.xml}. */
    public static final ContentType OFD = of("application/ofd", "OFD document", Kind.DOCUMENT, "ofd");
    public static final ContentType DOC = of("application/msword", "Word 97-2003 document", Kind.DOCUMENT, "doc", "dot", "wps");
    public static final ContentType XLS = of("application/vnd.ms-excel", "Excel 97-2003 workbook", Kind.DOCUMENT, "xls", "xlt", "et");
    public static final ContentType PPT = of("application/vnd.ms-powerpoint", "PowerPoint 97-2003 presentation", Kind.DOCUMENT,
            "ppt", "pot", "pps", "dps");
    public static final ContentType MSG = of("application/vnd.ms-outlook", "Outlook message", Kind.DOCUMENT, "msg");
    /** An OLE2 compound file whose application could not be told (Visio, Publisher, damaged Office files, ...). */
    public static final ContentType OLE = of("application/x-ole-storage", "Office 97-2003 or other compound document",
            Kind.DOCUMENT, "cfb", "doc", "dot", "xls", "xlt", "ppt", "pot", "pps", "msg", "wps", "et", "dps", "vsd", "pub");
    /** A password-protected Word, Excel or PowerPoint file (an OLE2 file holding an {@code EncryptedPackage}). */
    public static final ContentType ENCRYPTED_OFFICE = of("application/x-encrypted-office", "password-protected Office document",
            Kind.ENCRYPTED, "docx", "docm", "xlsx", "xlsm", "pptx", "pptm", "doc", "xls", "ppt");

    // Images
    public static final ContentType PNG = of("image/png", "PNG image", Kind.IMAGE, "png");
    public static final ContentType JPEG = of("image/jpeg", "JPEG image", Kind.IMAGE, "jpg", "jpeg", "jpe", "jfif");
    public static final ContentType GIF = of("image/gif", "GIF image", Kind.IMAGE, "gif");
    public static final ContentType WEBP = of("image/webp", "WebP image", Kind.IMAGE, "webp");
    public static final ContentType TIFF = of("image/tiff", "TIFF image", Kind.IMAGE, "tif", "tiff");
    public static final ContentType BMP = of("image/bmp", "BMP image", Kind.IMAGE, "bmp", "dib");
    public static final ContentType HEIC = of("image/heic", "HEIC image", Kind.IMAGE, "heic", "heif");
    public static final ContentType AVIF = of("image/avif", "AVIF image", Kind.IMAGE, "avif");

    // Audio and video
    public static final ContentType MP3 = of("audio/mpeg", "MP3 audio", Kind.AUDIO, "mp3", "mp2", "mpga");
    public static final ContentType WAV = of("audio/wav", "WAV audio", Kind.AUDIO, "wav", "wave");
    public static final ContentType M4A = of("audio/mp4", "MPEG-4 audio", Kind.AUDIO, "m4a", "m4b");
    public static final ContentType AMR = of("audio/amr", "AMR voice recording", Kind.AUDIO, "amr");
    public static final ContentType AMR_WB = of("audio/amr-wb", "AMR-WB voice recording", Kind.AUDIO, "awb", "amr");
    public static final ContentType FLAC = of("audio/flac", "FLAC audio", Kind.AUDIO, "flac");
    public static final ContentType OGG = of("audio/ogg", "Ogg audio or video", Kind.AUDIO, "ogg", "oga", "opus", "ogv");
    public static final ContentType MP4 = of("video/mp4", "MPEG-4 video", Kind.VIDEO, "mp4", "m4v");
    public static final ContentType MOV = of("video/quicktime", "QuickTime video", Kind.VIDEO, "mov", "qt");
    public static final ContentType THREE_GP = of("video/3gpp", "3GPP video", Kind.VIDEO, "3gp", "3gpp", "3g2");
    public static final ContentType AVI = of("video/x-msvideo", "AVI video", Kind.VIDEO, "avi");

    // Archives
    public static final ContentType ZIP = of("application/zip", "ZIP archive", Kind.ARCHIVE, "zip");
    public static final ContentType SEVEN_ZIP = of("application/x-7z-compressed", "7-Zip archive", Kind.ARCHIVE, "7z");
    public static final ContentType RAR = of("application/vnd.rar", "RAR archive", Kind.ARCHIVE, "rar");
    public static final ContentType GZIP = of("application/gzip", "gzip archive", Kind.ARCHIVE, "gz", "tgz", "gzip");
    public static final ContentType BZIP2 = of("application/x-bzip2", "bzip2 archive", Kind.ARCHIVE, "bz2", "tbz2", "tbz");
    public static final ContentType XZ = of("application/x-xz", "xz archive", Kind.ARCHIVE, "xz", "txz");
    public static final ContentType TAR = of("application/x-tar", "tar archive", Kind.ARCHIVE, "tar");

    // Text
    public static final ContentType TEXT = of("text/plain", "plain text", Kind.TEXT, "txt");
    public static final ContentType CSV = of("text/csv", "CSV table", Kind.TEXT, "csv");
    public static final ContentType TSV = of("text/tab-separated-values", "tab-separated table", Kind.TEXT, "tsv");
    public static final ContentType JSON = of("application/json", "JSON data", Kind.TEXT, "json");
    public static final ContentType XML = of("application/xml", "XML document", Kind.TEXT, "xml");
    public static final ContentType HTML = of("text/html", "HTML page", Kind.TEXT, "html", "htm", "xhtml");
    public static final ContentType SVG = of("image/svg+xml", "SVG image", Kind.TEXT, "svg");
    public static final ContentType EML = of("message/rfc822", "e-mail message", Kind.TEXT, "eml");
    /** A UBL 2.x invoice: root element {@code Invoice} in the UBL Invoice-2 namespace (EN 16931's UBL syntax). */
    public static final ContentType UBL_INVOICE = of("application/xml", "UBL invoice", Kind.TEXT, "xml");
    /** A UBL 2.x credit note: root element {@code CreditNote} in the UBL CreditNote-2 namespace. */
    public static final ContentType UBL_CREDIT_NOTE = of("application/xml", "UBL credit note", Kind.TEXT, "xml");
    /** A web page saved with its resources as one MIME message (RFC 2557 MHTML, multipart/related): what browsers save as .mhtml. */
    public static final ContentType MHTML = of("multipart/related", "MHTML web page archive", Kind.TEXT, "mhtml", "mht");

    // Web captures
    /** WARC 1.0 or 1.1 records (ISO 28500), uncompressed. */
    public static final ContentType WARC = of("application/warc", "WARC web capture", Kind.DOCUMENT, "warc");
    /** WARC records, each compressed as its own gzip member (what crawlers write as {@code .warc.gz}). */
    public static final ContentType WARC_GZIP = of("application/warc", "WARC web capture (gzip-compressed records)", Kind.DOCUMENT,
            "warc.gz", "gz");
    /** A WACZ web archive collection: a ZIP with {@code datapackage.json} and WARC files under {@code archive/}. */
    public static final ContentType WACZ = of("application/wacz", "WACZ web archive", Kind.DOCUMENT, "wacz");

    // Executables
    public static final ContentType ELF = of("application/x-executable", "Linux or Unix program (ELF)", Kind.EXECUTABLE,
            "elf", "so", "o", "ko", "bin", "run");
    public static final ContentType WINDOWS_EXE = of("application/vnd.microsoft.portable-executable", "Windows program",
            Kind.EXECUTABLE, "exe", "dll", "sys", "scr", "com", "cpl", "ocx", "efi", "drv", "mui", "ax");
    public static final ContentType MACH_O = of("application/x-mach-binary", "macOS program (Mach-O)", Kind.EXECUTABLE,
            "macho", "dylib", "bundle", "o");
    public static final ContentType JAVA_CLASS = of("application/java-vm", "Java class file", Kind.EXECUTABLE, "class");
    public static final ContentType JAR = of("application/java-archive", "Java archive (JAR)", Kind.EXECUTABLE, "jar", "war", "ear");
    public static final ContentType APK = of("application/vnd.android.package-archive", "Android app (APK)", Kind.EXECUTABLE, "apk");
    public static final ContentType MSI = of("application/x-msi", "Windows installer (MSI)", Kind.EXECUTABLE, "msi", "msp", "mst");
    public static final ContentType SCRIPT = of("text/x-shellscript", "script (#!)", Kind.EXECUTABLE,
            "sh", "bash", "zsh", "ksh", "csh", "fish", "command", "py", "pl", "pm", "rb", "php", "js", "mjs", "cjs",
            "tcl", "lua", "awk");

    // Neither
    public static final ContentType EMPTY = of("application/x-empty", "empty file", Kind.EMPTY, "");
    public static final ContentType UNKNOWN = of("application/octet-stream", "unrecognised binary file", Kind.UNKNOWN, "bin");

    /** Every type {@link #detect} can answer. */
    public static final List<ContentType> ALL = List.of(
            PDF, RTF, DOCX, DOCM, XLSX, XLSM, PPTX, PPTM, ODT, ODS, ODP, ODG, EPUB, OFD, DOC, XLS, PPT, MSG, OLE, ENCRYPTED_OFFICE,
            PNG, JPEG, GIF, WEBP, TIFF, BMP, HEIC, AVIF,
            MP3, WAV, M4A, AMR, AMR_WB, FLAC, OGG, MP4, MOV, THREE_GP, AVI,
            ZIP, SEVEN_ZIP, RAR, GZIP, BZIP2, XZ, TAR,
            TEXT, CSV, TSV, JSON, XML, HTML, SVG, EML, UBL_INVOICE, UBL_CREDIT_NOTE, MHTML,
            WARC, WARC_GZIP, WACZ,
            ELF, WINDOWS_EXE, MACH_O, JAVA_CLASS, JAR, APK, MSI, SCRIPT,
            EMPTY, UNKNOWN);

    /** Every extension some type claims: a name with one of these says what its content should be. */
    private static final Set<String> KNOWN_EXTENSIONS = knownExtensions();

    /** Text a browser renders and runs (scripts, links): it must carry its own extension, not just any text one. */
    private static final Set<ContentType> ACTIVE_TEXT = Set.of(HTML, SVG, MHTML);

    /** ZIP-based packages kept whole, whose entries their readers open as files: SafeZip's rules apply to them. */
    private static final Set<ContentType> ZIP_PACKAGES = Set.of(OFD, WACZ);

    public ContentType {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(kind, "kind");
        aliases = List.copyOf(aliases);
    }

    private static ContentType of(String mediaType, String label, Kind kind, String extension, String... aliases) {
        return new ContentType(mediaType, label, extension, kind, List.of(aliases));
    }

    /** Whether this is something a computer runs; callers refuse these. */
    public boolean executable() {
        return kind == Kind.EXECUTABLE;
    }

    /**
     * Whether this is a ZIP-based package that is kept whole but read entry by entry (OFD, WACZ):
     * before it is accepted, it must pass the rules {@link SafeZip} applies to any archive.
     */
    public boolean zipPackage() {
        return ZIP_PACKAGES.contains(this);
    }

    /**
     * Whether a file of this type may carry this extension (without the dot, any case): the
     * canonical one, an alias, or for text types any usual text extension — except for HTML, SVG and
     * MHTML, which a browser would run: an HTML page named {@code invoice.xml} is disguised.
     */
    public boolean acceptsExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        return e.equals(this.extension) || aliases.contains(e)
                || (kind == Kind.TEXT && TEXT_EXTENSIONS.contains(e) && !ACTIVE_TEXT.contains(this));
    }

    /**
     * Recognises the content's type. Never throws for any content; reads the whole array at most a
     * few times (text is validated to its end, ZIP archives are read from their central directory).
     */
    public static ContentType detect(byte[] content) {
        Objects.requireNonNull(content, "content");
        byte[] b = content;
        if (b.length == 0) {
            return EMPTY;
        }
        // Executables first: nothing else may claim them.
        if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
            return ELF;
        }
        if (startsWith(b, 0xFE, 0xED, 0xFA, 0xCE) || startsWith(b, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(b, 0xCE, 0xFA, 0xED, 0xFE) || startsWith(b, 0xCF, 0xFA, 0xED, 0xFE)) {
            return MACH_O;
        }
        if (startsWith(b, 0xCA, 0xFE, 0xBA, 0xBE)) {
            // The same magic starts Mach-O universal binaries (a small architecture count follows)
            // and Java class files (minor and major version follow, major 45 or more).
            return b.length >= 8 && u32be(b, 4) < 45 ? MACH_O : JAVA_CLASS;
        }
        if (startsWith(b, "#!AMR-WB\n")) {
            return AMR_WB;
        }
        if (startsWith(b, "#!AMR\n")) {
            return AMR;
        }
        if (startsWith(b, "#!")) {
            return SCRIPT;
        }
        if (startsWith(b, "MZ") && (portableExecutable(b) || TextSniffer.sniff(b) == null)) {
            // A DOS or Windows program; text that merely starts with "MZ" (a CSV of country codes) is text.
            return WINDOWS_EXE;
        }

        if (startsWith(b, "%PDF-")) {
            return PDF;
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, "GIF87a") || startsWith(b, "GIF89a")) {
            return GIF;
        }
        if (startsWith(b, "RIFF") && b.length >= 12) {
            if (hasAt(b, 8, "WEBP")) {
                return WEBP;
            }
            if (hasAt(b, 8, "WAVE")) {
                return WAV;
            }
            if (hasAt(b, 8, "AVI ")) {
                return AVI;
            }
        }
        if (startsWith(b, 'I', 'I', 0x2A, 0x00) || startsWith(b, 'M', 'M', 0x00, 0x2A)
                || startsWith(b, 'I', 'I', 0x2B, 0x00) || startsWith(b, 'M', 'M', 0x00, 0x2B)) {
            return TIFF;
        }
        if (bitmap(b)) {
            return BMP;
        }
        ContentType isoMedia = isoMedia(b);
        if (isoMedia != null) {
            return isoMedia;
        }
        if (startsWith(b, "ID3") && b.length >= 10 && (b[3] >= 2 && b[3] <= 4) && (b[4] & 0xFF) != 0xFF) {
            return MP3;
        }
        if (startsWith(b, "fLaC")) {
            return FLAC;
        }
        if (startsWith(b, "OggS") && b.length >= 5 && b[4] == 0) {
            return OGG;
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return CompoundFile.classify(b);
        }
        if (SafeZip.startsWithZipSignature(b)) {
            return zip(b);
        }
        if (startsWith(b, "{\\rtf")) {
            return RTF;
        }
        if (startsWith(b, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return SEVEN_ZIP;
        }
        if (startsWith(b, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return RAR;
        }
        if (startsWith(b, 0x1F, 0x8B, 0x08)) {
            return Warc.gzipped(b) ? WARC_GZIP : GZIP;
        }
        if (startsWith(b, "BZh") && b.length >= 10 && b[3] >= '1' && b[3] <= '9'
                && (hasAt(b, 4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59) || hasAt(b, 4, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90))) {
            return BZIP2;
        }
        if (startsWith(b, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return XZ;
        }
        if (b.length >= 263 && hasAt(b, 257, "ustar")) {
            return TAR;
        }
        if (Warc.header(b)) {
            return WARC; // before text: a record's payload may be binary
        }

        ContentType text = TextSniffer.sniff(b);
        if (text != null) {
            return text;
        }
        if (mpegAudio(b)) {
            return MP3;
        }
        return UNKNOWN;
    }

    /**
     * Whether the declared file name's extension contradicts the detected type, i.e. the name claims
     * a type the content is not: {@code invoice.pdf} holding a Windows program or a ZIP archive,
     * {@code contract.docx} holding a plain ZIP or a Word document with macros, {@code photo.jpg}
     * holding unrecognised bytes. Answers {@code true} as well when the content is a program and the
     * name is not a program's name ({@code notes.xyz} holding an ELF binary), and when the name is a
     * program's ({@code setup.exe}) but the content is not. Names without an extension, names with an
     * extension no type claims ({@code evidence.dat} holding a PDF), and empty content contradict
     * nothing. Trailing dots and spaces are ignored, as Windows does; case does not matter.
     */
    public static boolean disguised(String declaredName, ContentType detected) {
        Objects.requireNonNull(detected, "detected");
        Optional<String> extension = extensionOf(declaredName);
        if (extension.isEmpty() || detected.kind() == Kind.EMPTY || detected.acceptsExtension(extension.get())) {
            return false;
        }
        String e = extension.get();
        return detected.executable() || KNOWN_EXTENSIONS.contains(e) || EXECUTABLE_EXTENSIONS.contains(e);
    }

    /**
     * Whether a file name has an extension that operating systems or browsers run
     * ({@code .exe}, {@code .bat}, {@code .ps1}, {@code .js}, {@code .jar}, {@code .sh}, {@code .lnk}, ...),
     * whatever its content. Scripts are plain text, so content detection alone cannot refuse them.
     */
    public static boolean executableName(String fileName) {
        return extensionOf(fileName).map(EXECUTABLE_EXTENSIONS::contains).orElse(false);
    }

    /**
     * The extension of a file name's last path segment, lower case, without the dot; trailing dots
     * and spaces are dropped first. Empty for {@code null}, names without a dot and dot-files such as
     * {@code .profile}.
     */
    public static Optional<String> extensionOf(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int end = fileName.length();
        while (end > 0 && (fileName.charAt(end - 1) == '.' || fileName.charAt(end - 1) == ' ')) {
            end--;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/', end - 1), fileName.lastIndexOf('\\', end - 1)) + 1, end);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Set<String> knownExtensions() {
        Set<String> known = new HashSet<>(TEXT_EXTENSIONS);
        for (ContentType type : ALL) {
            if (!type.extension().isEmpty()) {
                known.add(type.extension());
            }
            known.addAll(type.aliases());
        }
        return Set.copyOf(known);
    }

    private static ContentType zip(byte[] b) {
        if (b[2] == 5) {
            return ZIP; // an empty archive: only the end-of-central-directory record
        }
        ContentType openDocument = openDocument(b);
        if (openDocument != null) {
            return openDocument;
        }
        List<String> names = new ArrayList<>();
        try {
            for (ZipDirectory.Entry entry : ZipDirectory.read(b, Integer.MAX_VALUE).entries()) {
                names.add(entry.name());
            }
        } catch (UnsafeArchiveException | RuntimeException e) {
            return ZIP; // damaged: SafeZip will say why
        }
        Set<String> set = new HashSet<>(names);
        if (set.contains("OFD.xml")) {
            return OFD;
        }
        if (set.contains("datapackage.json") && names.stream().anyMatch(n -> n.startsWith("archive/")
                && n.indexOf('/', "archive/".length()) < 0 && (n.endsWith(".warc.gz") || n.endsWith(".warc")))) {
            return WACZ;
        }
        if (set.contains("[Content_Types].xml")) {
            if (names.stream().anyMatch(n -> n.startsWith("word/"))) {
                return set.contains("word/vbaProject.bin") ? DOCM : DOCX;
            }
            if (names.stream().anyMatch(n -> n.startsWith("xl/"))) {
                return set.contains("xl/vbaProject.bin") ? XLSM : XLSX;
            }
            if (names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
                return set.contains("ppt/vbaProject.bin") ? PPTM : PPTX;
            }
        }
        if (set.contains("AndroidManifest.xml") && set.contains("classes.dex")) {
            return APK;
        }
        if (set.contains("META-INF/MANIFEST.MF") && names.stream().anyMatch(n -> n.endsWith(".class"))) {
            return JAR;
        }
        return ZIP;
    }

    /** OpenDocument and EPUB: a first, stored entry named {@code mimetype} holding the media type. */
    private static ContentType openDocument(byte[] b) {
        if (b.length < 38 || ZipDirectory.u16(b, 26) != 8 || !hasAt(b, 30, "mimetype") || ZipDirectory.u16(b, 8) != 0) {
            return null;
        }
        long length = ZipDirectory.u32(b, 18);
        int start = 38 + ZipDirectory.u16(b, 28);
        if (length < 1 || length > 100 || start + length > b.length) {
            return null;
        }
        String mimetype = new String(b, start, (int) length, StandardCharsets.US_ASCII).replace("-template", "");
        return switch (mimetype) {
            case "application/vnd.oasis.opendocument.text" -> ODT;
            case "application/vnd.oasis.opendocument.spreadsheet" -> ODS;
            case "application/vnd.oasis.opendocument.presentation" -> ODP;
            case "application/vnd.oasis.opendocument.graphics" -> ODG;
            case "application/epub+zip" -> EPUB;
            default -> null;
        };
    }

    private static boolean portableExecutable(byte[] b) {
        if (b.length < 0x40) {
            return false;
        }
        long header = ZipDirectory.u32(b, 0x3C);
        return header >= 0x40 && header <= b.length - 4 && hasAt(b, (int) header, 'P', 'E', 0, 0);
    }

    /** "BM", reserved bytes zero and a known DIB header size: "BM" alone also starts text. */
    private static boolean bitmap(byte[] b) {
        if (b.length < 26 || !startsWith(b, "BM") || ZipDirectory.u32(b, 6) != 0) {
            return false;
        }
        long dib = ZipDirectory.u32(b, 14);
        return dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124;
    }

    /** ISO base media files (MP4, MOV, M4A, 3GP, HEIC, AVIF): a leading {@code ftyp} box. */
    private static ContentType isoMedia(byte[] b) {
        if (b.length < 12 || !hasAt(b, 4, "ftyp") || u32be(b, 0) < 8) {
            return null;
        }
        String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
        List<String> compatible = new ArrayList<>();
        int end = (int) Math.min(u32be(b, 0), b.length);
        for (int at = 16; at + 4 <= end; at += 4) {
            compatible.add(new String(b, at, 4, StandardCharsets.ISO_8859_1));
        }
        if (brand.equals("avif") || brand.equals("avis")
                || ((brand.equals("mif1") || brand.equals("msf1")) && compatible.contains("avif"))) {
            return AVIF;
        }
        return switch (brand) {
            case "qt  " -> MOV;
            case "M4A ", "M4B ", "M4P ", "F4A ", "F4B " -> M4A;
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1" -> HEIC;
            default -> brand.startsWith("3gp") || brand.startsWith("3g2") ? THREE_GP : MP4;
        };
    }

    private static final int[][] MPEG_BITRATES = {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // MPEG-2/2.5 layers II and III
    };
    private static final int[][] MPEG_SAMPLE_RATES = {
            {11025, 12000, 8000}, // MPEG-2.5
            {},                   // reserved
            {22050, 24000, 16000}, // MPEG-2
            {44100, 48000, 32000}, // MPEG-1
    };

    /** MPEG audio without an ID3 tag: a valid frame header, and a second one where the first frame ends. */
    private static boolean mpegAudio(byte[] b) {
        int length = mpegFrameLength(b, 0);
        if (length <= 0 || b.length < length) {
            return false;
        }
        if (b.length < length + 4) {
            return true;
        }
        return mpegFrameLength(b, length) > 0
                && (b[1] & 0xFE) == (b[length + 1] & 0xFE) && (b[2] & 0x0C) == (b[length + 2] & 0x0C);
    }

    /** The length of the MPEG audio frame whose header is at {@code at}, or -1 when there is no valid header. */
    static int mpegFrameLength(byte[] b, int at) {
        if (at + 4 > b.length || (b[at] & 0xFF) != 0xFF || (b[at + 1] & 0xE0) != 0xE0) {
            return -1;
        }
        int b1 = b[at + 1] & 0xFF;
        int b2 = b[at + 2] & 0xFF;
        int b3 = b[at + 3] & 0xFF;
        int version = (b1 >> 3) & 3;
        int layer = (b1 >> 1) & 3; // 3 = layer I, 2 = layer II, 1 = layer III
        int bitrateIndex = b2 >> 4;
        int rateIndex = (b2 >> 2) & 3;
        if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3 || (b3 & 3) == 2) {
            return -1;
        }
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? 3 - layer : (layer == 3 ? 3 : 4);
        long bitrate = MPEG_BITRATES[table][bitrateIndex] * 1000L;
        int rate = MPEG_SAMPLE_RATES[version][rateIndex];
        int padding = (b2 >> 1) & 1;
        if (layer == 3) {
            return (int) ((12 * bitrate / rate + padding) * 4);
        }
        return (int) ((mpeg1 || layer == 2 ? 144 : 72) * bitrate / rate + padding);
    }

    static boolean startsWith(byte[] b, String ascii) {
        return hasAt(b, 0, ascii);
    }

    static boolean hasAt(byte[] b, int at, String ascii) {
        if (at < 0 || at + ascii.length() > b.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(byte[] b, int... bytes) {
        return hasAt(b, 0, bytes);
    }

    static boolean hasAt(byte[] b, int at, int... bytes) {
        if (at < 0 || at + bytes.length > b.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (b[at + i] != (byte) bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static long u32be(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    @Override
    public String toString() {
        return mediaType;
    }
}
