package org.alliancechain.einvoice.documents.ofd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.ofdrw.core.Const;
import org.ofdrw.core.basicType.ST_ID;

/**
 * The invoice's Doc_0/Tags/CustomTag.xml: the same element names the real 数电 OFD binds to its page objects
 * (InvoiceNo, IssueDate, Buyer/BuyerName, ...), so readers that find fields by tag read ours too.
 */
final class InvoiceTags {

    /** Tag paths, as in the real fixture: "Buyer/BuyerName" nests BuyerName in Buyer. */
    private final Map<String, List<Long>> objects = new LinkedHashMap<>();

    void bind(String tagPath, List<ST_ID> ids) {
        var list = objects.computeIfAbsent(tagPath, k -> new ArrayList<>());
        // ofdrw reports the element's objects newest first; the tag lists them in drawing order
        ids.stream().map(ST_ID::getId).sorted().forEach(list::add);
    }

    Element customTags() {
        var root = DocumentHelper.createElement(new QName("CustomTags", Const.OFD_NAMESPACE));
        var tag = root.addElement(new QName("CustomTag", Const.OFD_NAMESPACE)).addAttribute("TypeID", "root");
        tag.addElement(new QName("FileLoc", Const.OFD_NAMESPACE)).setText("CustomTag.xml");
        return root;
    }

    Element customTag(long pageId) {
        var root = DocumentHelper.createElement(new QName("root", Const.OFD_NAMESPACE)).addAttribute("version", "1.0");
        for (var e : objects.entrySet()) {
            Element parent = root;
            for (var name : e.getKey().split("/")) {
                var existing = parent.element(new QName(name, Const.OFD_NAMESPACE));
                // repeated leaf tags (one Item per line) are siblings; groups (Buyer, Seller) are shared
                parent = existing != null && !e.getKey().endsWith(name) ? existing : parent.addElement(new QName(name, Const.OFD_NAMESPACE));
            }
            for (var id : e.getValue()) {
                parent.addElement(new QName("ObjectRef", Const.OFD_NAMESPACE)).addAttribute("PageRef", Long.toString(pageId)).setText(id.toString());
            }
        }
        return root;
    }
}
