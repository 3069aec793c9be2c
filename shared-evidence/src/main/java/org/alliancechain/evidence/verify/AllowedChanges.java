package org.alliancechain.evidence.verify;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfBoolean;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.xmp.XMPException;
import com.itextpdf.kernel.xmp.XMPMetaFactory;
import com.itextpdf.kernel.xmp.properties.XMPPropertyInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the revisions after the issuer's signature may change, as an allow-list. PAdES lets a signed
 * file gain validation data: a document security store (the catalogue's /DSS with certificates,
 * CRLs, OCSP responses and /VRI dictionaries) and document time-stamps (a signature field whose value
 * is an ETSI.RFC3161 /DocTimeStamp, an invisible widget on a page, its entry in the form's /Fields).
 * A writer saving such a revision also does its bookkeeping: it moves the modification date and
 * extends the producer in the document information dictionary and in the XMP metadata, and raises
 * the catalogue's /Extensions (iText does all of it when it adds B-LT and B-LTA data, as other PAdES
 * tools do). Nothing else may change. Every object the later revisions write must be as it was in the
 * signed revision unless one of those rules judged it, and what they add must be reachable only as
 * validation data — or not at all: writers leave unreferenced objects behind, which no reader shows.
 * What does not fit is named ("the document information dictionary (/Title)", "the catalogue
 * (/OpenAction)"), so that the report says what the file shows beyond what was signed.
 */
final class AllowedChanges {

    /** What a revision that adds validation data may change in the document information dictionary. */
    private static final Set<PdfName> INFO_BOOKKEEPING = Set.of(PdfName.ModDate, PdfName.Producer);
    /** Catalogue entries with their own rule below. */
    private static final Set<PdfName> CATALOGUE_JUDGED_APART = Set.of(PdfName.DSS, PdfName.AcroForm, PdfName.Metadata);
    /** A time-stamp field's or widget's entries; no actions (/A, /AA) among them. */
    private static final Set<String> TIMESTAMP_FIELD_KEYS = Set.of("Type", "Subtype", "FT", "T", "TU", "TM", "V", "F", "Ff", "Rect",
            "P", "AP", "AS", "MK", "DA", "Q", "Kids", "Parent", "H", "Lock", "SV", "Border", "BS", "StructParent", "NM", "M");
    private static final Set<String> EXTENSION_KEYS = Set.of("Type", "BaseVersion", "ExtensionLevel", "ExtensionRevision", "URL");
    /** Annotation flags that keep a widget from being shown: Hidden, NoView. */
    private static final int NOT_SHOWN = 2 | 32;

    private final PdfDocument signed;
    private final PdfDocument last;
    private final PdfDictionary signedCatalogue;
    private final PdfDictionary lastCatalogue;
    private final List<String> found = new ArrayList<>();
    /** Objects whose change a rule below has judged (the catalogue, the form, pages …). */
    private final Set<Integer> judged = new HashSet<>();
    /** Objects reachable from the document security store and the added time-stamp fields. */
    private final Set<Integer> validationData = new HashSet<>();
    /** The widgets of the added time-stamp fields: the annotations pages may gain. */
    private final Set<Integer> timestampWidgets = new HashSet<>();
    private Map<Integer, String> roles;

    private AllowedChanges(PdfDocument signed, PdfDocument last) {
        this.signed = signed;
        this.last = last;
        this.signedCatalogue = signed.getCatalog().getPdfObject();
        this.lastCatalogue = last.getCatalog().getPdfObject();
    }

    /**
     * What changed from the signed revision to the last one beyond validation data and the bookkeeping of saving it;
     * empty when nothing did.
     *
     * @param written the numbers of the objects the revisions after the signed one write (or free)
     */
    static List<String> between(PdfDocument signed, PdfDocument last, Set<Integer> written) {
        var check = new AllowedChanges(signed, last);
        check.information();
        check.catalogue();
        check.securityStore();
        check.xmp();
        check.form();
        check.pages(written);
        check.objects(written);
        return check.found;
    }

    /** The document information dictionary: only the writer's bookkeeping — /ModDate moved, /Producer extended — may change. */
    private void information() {
        PdfDictionary before = signed.getTrailer().getAsDictionary(PdfName.Info);
        PdfDictionary after = last.getTrailer().getAsDictionary(PdfName.Info);
        judge(signed.getTrailer().get(PdfName.Info, false), last.getTrailer().get(PdfName.Info, false), "the document information dictionary");
        List<String> changed = new ArrayList<>();
        for (PdfName key : keys(before, after)) {
            PdfObject a = entry(before, key);
            PdfObject b = entry(after, key);
            if (!same(a, b) && !(INFO_BOOKKEEPING.contains(key) && b instanceof PdfString && (PdfName.ModDate.equals(key) || extended(a, b)))) {
                changed.add("/" + key.getValue());
            }
        }
        report("the document information dictionary", changed);
    }

    private void catalogue() {
        judge(signedCatalogue, lastCatalogue, "the catalogue");
        List<String> changed = new ArrayList<>();
        for (PdfName key : keys(signedCatalogue, lastCatalogue)) {
            if (CATALOGUE_JUDGED_APART.contains(key) || same(entry(signedCatalogue, key), entry(lastCatalogue, key))) {
                continue;
            }
            if (PdfName.Extensions.equals(key) && developerExtensions(lastCatalogue.getAsDictionary(key))) {
                judge(signedCatalogue.get(key, false), lastCatalogue.get(key, false), "the catalogue's /Extensions");
                continue;
            }
            changed.add("/" + key.getValue());
        }
        report("the catalogue", changed);
    }

    /** The developer extensions dictionary: which extensions the file uses; it changes nothing a reader shows. */
    private static boolean developerExtensions(PdfDictionary extensions) {
        if (extensions == null) {
            return false;
        }
        for (PdfName prefix : extensions.keySet()) {
            PdfObject value = extensions.get(prefix);
            List<PdfObject> entries = value instanceof PdfArray array ? items(array) : List.of(value);
            for (PdfObject entry : entries) {
                PdfObject direct = entry instanceof PdfIndirectReference reference ? reference.getRefersTo() : entry;
                if (!(direct instanceof PdfDictionary dictionary) || direct instanceof PdfStream
                        || !dictionary.keySet().stream().allMatch(k -> EXTENSION_KEYS.contains(k.getValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The document security store holds validation data only; what it reaches is validation data. */
    private void securityStore() {
        PdfDictionary store = lastCatalogue.getAsDictionary(PdfName.DSS);
        if (store == null) {
            if (signedCatalogue.get(PdfName.DSS, false) != null) {
                found.add("the document security store (removed)");
            }
            return;
        }
        List<String> odd = new ArrayList<>();
        for (PdfName key : store.keySet()) {
            PdfObject value = store.get(key);
            boolean fits = switch (key.getValue()) {
                case "Type" -> PdfName.DSS.equals(value);
                case "Certs", "CRLs", "OCSPs" -> streams(value);
                case "VRI" -> value instanceof PdfDictionary vri && !(value instanceof PdfStream)
                        && vri.keySet().stream().allMatch(k -> validationRelatedInformation(vri.getAsDictionary(k)));
                default -> false;
            };
            if (!fits) {
                odd.add("/" + key.getValue());
            }
        }
        report("the document security store", odd);
        reach(lastCatalogue.get(PdfName.DSS, false), validationData, false);
    }

    private static boolean validationRelatedInformation(PdfDictionary vri) {
        if (vri == null || vri instanceof PdfStream) {
            return false;
        }
        for (PdfName key : vri.keySet()) {
            PdfObject value = vri.get(key);
            boolean fits = switch (key.getValue()) {
                case "Type" -> PdfName.VRI.equals(value);
                case "Cert", "CRL", "OCSP" -> streams(value);
                case "TU" -> value instanceof PdfString;
                case "TS" -> value instanceof PdfStream;
                default -> false;
            };
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static boolean streams(PdfObject value) {
        if (!(value instanceof PdfArray array)) {
            return false;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.getAsStream(i) == null) {
                return false;
            }
        }
        return true;
    }

    /** The XMP metadata, compared property by property: writers serialise the packet anew each time they save. */
    private void xmp() {
        judge(signedCatalogue.get(PdfName.Metadata, false), lastCatalogue.get(PdfName.Metadata, false), "the XMP metadata");
        PdfStream before = signedCatalogue.getAsStream(PdfName.Metadata);
        PdfStream after = lastCatalogue.getAsStream(PdfName.Metadata);
        if (before == null && after == null || before != null && same(before, after)) {
            return;
        }
        if (before == null || after == null) {
            found.add("the XMP metadata (" + (after == null ? "removed" : "added") + ")");
            return;
        }
        Map<String, String> a;
        Map<String, String> b;
        try {
            a = xmpProperties(before.getBytes());
            b = xmpProperties(after.getBytes());
        } catch (XMPException | RuntimeException e) {
            found.add("the XMP metadata (no longer readable)");
            return;
        }
        Set<String> changed = new TreeSet<>();
        Set<String> paths = new HashSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String path : paths) {
            String x = a.get(path);
            String y = b.get(path);
            boolean bookkeeping = y != null && (path.equals("xmp:ModifyDate") || path.equals("xmp:MetadataDate")
                    || path.equals("pdf:Producer") && (x == null || y.startsWith(x)));
            if (!Objects.equals(x, y) && !bookkeeping) {
                changed.add(property(path));
            }
        }
        report("the XMP metadata", List.copyOf(changed));
    }

    /** Every property of an XMP packet by its path (dc:title[1], dc:title[1]/?xml:lang …), with its value. */
    private static Map<String, String> xmpProperties(byte[] packet) throws XMPException {
        Map<String, String> properties = new HashMap<>();
        for (var iterator = XMPMetaFactory.parseFromBuffer(packet).iterator(); iterator.hasNext(); ) {
            var property = (XMPPropertyInfo) iterator.next();
            if (property.getPath() != null) {
                properties.put(property.getPath(), property.getValue() == null ? "" : property.getValue());
            }
        }
        return properties;
    }

    /** The property a path is in: dc:title for dc:title[1]/?xml:lang. */
    private static String property(String path) {
        int end = path.length();
        for (char c : new char[] {'[', '/'}) {
            int at = path.indexOf(c);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        return path.substring(0, end);
    }

    /** The form may gain document time-stamp fields (and its /SigFlags may change); nothing else. */
    private void form() {
        judge(signedCatalogue.get(PdfName.AcroForm, false), lastCatalogue.get(PdfName.AcroForm, false), "the interactive form");
        PdfDictionary before = signedCatalogue.getAsDictionary(PdfName.AcroForm);
        PdfDictionary after = lastCatalogue.getAsDictionary(PdfName.AcroForm);
        if (after == null) {
            if (before != null) {
                found.add("the interactive form (removed)");
            }
            return;
        }
        judge(entry(before, PdfName.Fields), after.get(PdfName.Fields, false), "the form's fields");
        List<String> changed = new ArrayList<>();
        for (PdfName key : keys(before, after)) {
            boolean sigFlags = PdfName.SigFlags.equals(key) && after.get(key) instanceof PdfNumber;
            if (!PdfName.Fields.equals(key) && !sigFlags && !same(entry(before, key), entry(after, key))) {
                changed.add("/" + key.getValue());
            }
        }
        List<PdfObject> fieldsBefore = before == null ? List.of() : items(before.getAsArray(PdfName.Fields));
        List<PdfObject> fieldsAfter = items(after.getAsArray(PdfName.Fields));
        for (PdfObject field : fieldsBefore) {
            if (fieldsAfter.stream().noneMatch(f -> same(f, field))) {
                changed.add("the field " + fieldName(field) + " removed");
            }
        }
        for (PdfObject field : fieldsAfter) {
            if (fieldsBefore.stream().noneMatch(f -> same(f, field))) {
                String problem = documentTimestamp(field);
                if (problem != null) {
                    changed.add(problem);
                }
            }
        }
        report("the interactive form", changed);
    }

    /**
     * Null when the added field is a document time-stamp — an ETSI.RFC3161 /DocTimeStamp value, invisible widgets, no
     * actions — whose objects then count as validation data; else what the field is.
     */
    private String documentTimestamp(PdfObject entry) {
        PdfDictionary field = dictionary(entry);
        if (!(entry instanceof PdfIndirectReference) || field == null) {
            return "a field that is not a document time-stamp";
        }
        PdfDictionary value = field.getAsDictionary(PdfName.V);
        if (!PdfName.Sig.equals(field.getAsName(PdfName.FT)) || value == null || !PdfName.DocTimeStamp.equals(value.getAsName(PdfName.Type))
                || !PdfName.ETSI_RFC3161.equals(value.getAsName(PdfName.SubFilter))) {
            return "the field " + fieldName(entry) + ", which is not a document time-stamp";
        }
        List<PdfObject> widgets = items(field.getAsArray(PdfName.Kids));
        if (widgets.isEmpty()) {
            widgets = List.of(entry);
        }
        List<PdfObject> parts = new ArrayList<>(widgets);
        if (!parts.contains(entry)) {
            parts.add(entry);
        }
        for (PdfObject part : parts) {
            PdfDictionary dictionary = dictionary(part);
            if (dictionary == null || part != entry && dictionary.containsKey(PdfName.Kids)) {
                return "the document time-stamp " + fieldName(entry) + " with widgets that are not widgets";
            }
            List<String> other = dictionary.keySet().stream().map(PdfName::getValue).filter(k -> !TIMESTAMP_FIELD_KEYS.contains(k))
                    .sorted().map(k -> "/" + k).toList();
            if (!other.isEmpty()) {
                return "the document time-stamp " + fieldName(entry) + " with " + String.join(", ", other);
            }
            if (widgets.contains(part) && !invisible(dictionary)) {
                return "a visible document time-stamp " + fieldName(entry);
            }
        }
        widgets.forEach(widget -> timestampWidgets.add(number(widget)));
        reach(entry, validationData, false);
        return null;
    }

    /** A dictionary (not a stream), directly or through a reference; else null. */
    private static PdfDictionary dictionary(PdfObject value) {
        PdfObject direct = value instanceof PdfIndirectReference reference ? reference.getRefersTo() : value;
        return direct instanceof PdfDictionary dictionary && !(direct instanceof PdfStream) ? dictionary : null;
    }

    private static boolean invisible(PdfDictionary widget) {
        PdfNumber flags = widget.getAsNumber(PdfName.F);
        if (flags != null && (flags.intValue() & NOT_SHOWN) != 0) {
            return true;
        }
        PdfArray rect = widget.getAsArray(PdfName.Rect);
        if (rect == null || rect.size() != 4) {
            return false;
        }
        var area = rect.toRectangle();
        return area.getWidth() == 0 || area.getHeight() == 0;
    }

    private static String fieldName(PdfObject field) {
        PdfDictionary dictionary = dictionary(field);
        PdfString name = dictionary == null ? null : dictionary.getAsString(PdfName.T);
        return name == null ? "(without a name)" : name.toUnicodeString();
    }

    /** A page may gain the widgets of the added time-stamp fields in its /Annots; nothing else about it may change. */
    private void pages(Set<Integer> written) {
        int count = Math.min(signed.getNumberOfPages(), last.getNumberOfPages());
        for (int i = 1; i <= count; i++) {
            PdfDictionary before = signed.getPage(i).getPdfObject();
            PdfDictionary after = last.getPage(i).getPdfObject();
            PdfObject annotations = after.get(PdfName.Annots, false);
            if (number(before) == number(after) && !written.contains(number(after)) && !written.contains(number(annotations))) {
                continue;
            }
            judge(before, after, "page " + i);
            judge(before.get(PdfName.Annots, false), annotations, "the annotations of page " + i);
            List<String> changed = new ArrayList<>();
            for (PdfName key : keys(before, after)) {
                if (!PdfName.Annots.equals(key) && !same(entry(before, key), entry(after, key))) {
                    changed.add("/" + key.getValue());
                }
            }
            List<PdfObject> annotationsBefore = items(before.getAsArray(PdfName.Annots));
            List<PdfObject> annotationsAfter = items(after.getAsArray(PdfName.Annots));
            if (annotationsBefore.stream().anyMatch(a -> annotationsAfter.stream().noneMatch(b -> same(a, b)))) {
                changed.add("an annotation removed");
            }
            for (PdfObject annotation : annotationsAfter) {
                if (annotationsBefore.stream().noneMatch(a -> same(a, annotation)) && !timestampWidgets.contains(number(annotation))) {
                    PdfObject direct = annotation instanceof PdfIndirectReference reference ? reference.getRefersTo() : annotation;
                    PdfName subtype = direct instanceof PdfDictionary dictionary ? dictionary.getAsName(PdfName.Subtype) : null;
                    changed.add(subtype == null ? "an annotation added" : "a /" + subtype.getValue() + " annotation added");
                }
            }
            report("page " + i, changed.stream().distinct().toList());
        }
    }

    /** Every other object the later revisions write: unchanged, or added as validation data, or added where nothing refers to it. */
    private void objects(Set<Integer> written) {
        List<Integer> added = new ArrayList<>();
        for (int number : new TreeSet<>(written)) {
            if (number <= 0 || judged.contains(number)) {
                continue;
            }
            PdfObject before = object(signed, number);
            PdfObject after = object(last, number);
            if (before == null) {
                if (after != null && !validationData.contains(number)) {
                    added.add(number);
                }
            } else if (after == null) {
                found.add(describe(number) + " (removed)");
            } else if (!same(before, after)) {
                found.add(describe(number));
            }
        }
        if (!added.isEmpty() && found.isEmpty()) {
            // An added object counts only when something refers to it; anything that could was judged above, save a
            // reference the signed revision already made to an object it did not have.
            Set<Integer> referenced = new HashSet<>();
            reach(last.getTrailer().get(PdfName.Root, false), referenced, true);
            reach(last.getTrailer().get(PdfName.Info, false), referenced, true);
            for (int number : added) {
                if (referenced.contains(number)) {
                    found.add("an object that is not validation data: " + describe(number));
                }
            }
        }
    }

    private static PdfObject object(PdfDocument document, int number) {
        return number < document.getNumberOfPdfObjects() ? document.getPdfObject(number) : null;
    }

    /** The objects reachable from a value, by number; without following /P and /Parent (back to the page, the field) unless asked. */
    private static void reach(PdfObject from, Set<Integer> into, boolean upwards) {
        var todo = new ArrayDeque<PdfObject>();
        if (from != null) {
            todo.push(from);
        }
        while (!todo.isEmpty()) {
            PdfObject value = todo.pop();
            if (value instanceof PdfIndirectReference reference) {
                if (!into.add(reference.getObjNumber())) {
                    continue;
                }
                value = reference.getRefersTo();
            }
            if (value instanceof PdfDictionary dictionary) {
                for (PdfName key : dictionary.keySet()) {
                    if (upwards || !PdfName.P.equals(key) && !PdfName.Parent.equals(key)) {
                        PdfObject entry = dictionary.get(key, false);
                        if (entry != null) {
                            todo.push(entry);
                        }
                    }
                }
            } else if (value instanceof PdfArray array) {
                for (int i = 0; i < array.size(); i++) {
                    PdfObject item = array.get(i, false);
                    if (item != null) {
                        todo.push(item);
                    }
                }
            }
        }
    }

    /** What an object is to a reader of the signed revision: "the content of page 1", "the embedded file record.json" … */
    private String describe(int number) {
        if (roles == null) {
            roles = roles(signed);
        }
        String role = roles.get(number);
        if (role != null) {
            return role;
        }
        PdfObject value = object(signed, number);
        if (value == null) {
            value = object(last, number);
        }
        String kind = "";
        if (value instanceof PdfDictionary dictionary) {
            String type = dictionary.getAsName(PdfName.Type) == null ? null : "/" + dictionary.getAsName(PdfName.Type).getValue();
            String subtype = dictionary.getAsName(PdfName.Subtype) == null ? null : "/" + dictionary.getAsName(PdfName.Subtype).getValue();
            kind = Arrays.asList(type, subtype).stream().filter(Objects::nonNull).collect(Collectors.joining(" "));
            if (kind.isEmpty() && value instanceof PdfStream) {
                kind = "a stream";
            }
        }
        return "object " + number + (kind.isEmpty() ? "" : " (" + kind + ")");
    }

    private static Map<Integer, String> roles(PdfDocument document) {
        Map<Integer, String> roles = new HashMap<>();
        for (int i = 1; i <= document.getNumberOfPages(); i++) {
            String page = "page " + i;
            String content = "the content of page " + i;
            String annotation = "an annotation on page " + i;
            PdfDictionary dictionary = document.getPage(i).getPdfObject();
            roles.putIfAbsent(number(dictionary), page);
            roles.putIfAbsent(number(dictionary.get(PdfName.Contents, false)), content);
            if (dictionary.get(PdfName.Contents) instanceof PdfArray parts) {
                items(parts).forEach(part -> roles.putIfAbsent(number(part), content));
            }
            roles.putIfAbsent(number(dictionary.get(PdfName.Resources, false)), "the resources of page " + i);
            items(dictionary.getAsArray(PdfName.Annots)).forEach(item -> roles.putIfAbsent(number(item), annotation));
        }
        PdfDictionary form = document.getCatalog().getPdfObject().getAsDictionary(PdfName.AcroForm);
        for (PdfObject field : form == null ? List.<PdfObject>of() : items(form.getAsArray(PdfName.Fields))) {
            PdfObject direct = field instanceof PdfIndirectReference reference ? reference.getRefersTo() : field;
            if (direct instanceof PdfDictionary dictionary && dictionary.getAsString(PdfName.T) != null) {
                String name = dictionary.getAsString(PdfName.T).toUnicodeString();
                roles.put(number(field), "the form field " + name);
                roles.putIfAbsent(number(dictionary.get(PdfName.V, false)), "the value of the form field " + name);
            }
        }
        var files = document.getCatalog().getNameTree(PdfName.EmbeddedFiles).getNames();
        files.forEach((name, spec) -> {
            roles.putIfAbsent(number(spec), "the embedded file " + name.toUnicodeString());
            PdfObject direct = spec instanceof PdfIndirectReference reference ? reference.getRefersTo() : spec;
            if (direct instanceof PdfDictionary dictionary && dictionary.getAsDictionary(PdfName.EF) != null) {
                roles.putIfAbsent(number(dictionary.getAsDictionary(PdfName.EF).get(PdfName.F, false)), "the embedded file " + name.toUnicodeString());
            }
        });
        roles.remove(0);
        return roles;
    }

    private void report(String what, List<String> changes) {
        if (!changes.isEmpty()) {
            found.add(what + " (" + String.join(", ", changes) + ")");
        }
    }

    /**
     * Marks the object in a role (the catalogue, the form …) as judged by the role's rule. The role may move to an object
     * the later revisions add, not to one the signed revision had for something else: that one's change is for
     * {@link #objects} to judge, and the move is named.
     */
    private void judge(PdfObject before, PdfObject after, String role) {
        int a = number(before);
        int b = number(after);
        if (b == 0) {
            return;
        }
        if (b == a || object(signed, b) == null) {
            judged.add(b);
        } else {
            found.add(role + " (now object " + b + ", which the signed revision used for something else)");
        }
    }

    /** The object number of a value that is, or refers to, an indirect object; 0 for a direct value. */
    private static int number(PdfObject value) {
        if (value instanceof PdfIndirectReference reference) {
            return reference.getObjNumber();
        }
        return value == null || value.getIndirectReference() == null ? 0 : value.getIndirectReference().getObjNumber();
    }

    private static boolean extended(PdfObject before, PdfObject after) {
        return after instanceof PdfString b && (before == null || before instanceof PdfString a && b.toUnicodeString().startsWith(a.toUnicodeString()));
    }

    private static Set<PdfName> keys(PdfDictionary a, PdfDictionary b) {
        Set<PdfName> keys = new TreeSet<>();
        if (a != null) {
            keys.addAll(a.keySet());
        }
        if (b != null) {
            keys.addAll(b.keySet());
        }
        return keys;
    }

    private static PdfObject entry(PdfDictionary dictionary, PdfName key) {
        return dictionary == null ? null : dictionary.get(key, false);
    }

    private static List<PdfObject> items(PdfArray array) {
        List<PdfObject> items = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            items.add(array.get(i, false));
        }
        return items;
    }

    /**
     * Whether two values read from two revisions are the same: direct values compared in depth, references by object
     * number and generation (the objects they refer to are compared on their own), streams by dictionary and raw bytes.
     */
    private static boolean same(PdfObject a, PdfObject b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof PdfIndirectReference r) {
            return b instanceof PdfIndirectReference s && r.getObjNumber() == s.getObjNumber() && r.getGenNumber() == s.getGenNumber();
        }
        if (b instanceof PdfIndirectReference || a.getType() != b.getType()) {
            return false;
        }
        if (a instanceof PdfStream x) {
            return sameEntries(x, (PdfStream) b) && Arrays.equals(x.getBytes(false), ((PdfStream) b).getBytes(false));
        }
        if (a instanceof PdfDictionary x) {
            return sameEntries(x, (PdfDictionary) b);
        }
        if (a instanceof PdfArray x) {
            PdfArray y = (PdfArray) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i, false), y.get(i, false))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PdfString x) {
            return Arrays.equals(x.getValueBytes(), ((PdfString) b).getValueBytes());
        }
        if (a instanceof PdfNumber x) {
            return x.getValue() == ((PdfNumber) b).getValue();
        }
        if (a instanceof PdfName || a instanceof PdfBoolean) {
            return a.equals(b);
        }
        return a.toString().equals(b.toString());
    }

    private static boolean sameEntries(PdfDictionary a, PdfDictionary b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (PdfName key : a.keySet()) {
            if (!same(a.get(key, false), b.get(key, false))) {
                return false;
            }
        }
        return true;
    }
}
