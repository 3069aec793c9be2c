package org.alliancechain.einvoice.invoices;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancechain.einvoice.documents.En16931Validation;
import org.alliancechain.einvoice.documents.UblInvoiceReader;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
import org.alliancechain.einvoice.tax.LineKind;
import org.alliancechain.einvoice.tax.VatTreatment;
import org.alliancechain.service.problem.Problem;
import org.alliancechain.service.problem.ProblemException;

/**
 * Files of invoices to issue, read before anything is stored: a CSV table (one row per line, rows
 * of one invoice share its {@code reference}) or UBL 2.1 invoices (each checked against the EN 16931
 * rules). A file that cannot be read is refused whole, naming the file, row and column — or the
 * XML element and the rule ids; what the rules of tax decide comes later, row by row.
 */
public final class InvoiceFiles {

    /** One invoice read from a file, with where it came from for the per-row report. */
    public record Row(String source, InvoiceService.Issue issue) {
    }

    /** The CSV's columns; {@code reference}, {@code buyerTaxId} and {@code name} are required, the others as the line needs. */
    public static final List<String> COLUMNS = List.of("reference", "kind", "buyerTaxId", "name", "itemCode", "unit", "quantity",
            "unitPrice", "amount", "taxInclusive", "rate", "treatment", "exemptionReason", "note");

    private InvoiceFiles() {
    }

    public static List<Row> csv(String fileName, byte[] content) {
        var violations = new ArrayList<Problem.Violation>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw refused(fileName, List.of(new Problem.Violation(fileName, "is not UTF-8 text (save the table as CSV UTF-8)")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var records = parse(text);
        if (records.isEmpty()) {
            throw refused(fileName, List.of(new Problem.Violation(fileName, "is empty")));
        }
        var header = records.getFirst().stream().map(String::strip).toList();
        var index = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            if (!COLUMNS.contains(header.get(i))) {
                violations.add(new Problem.Violation(fileName + ": row 1, column " + (i + 1), "unknown column '" + header.get(i)
                        + "'; the columns are " + COLUMNS));
            }
            index.put(header.get(i), i);
        }
        for (String required : List.of("reference", "buyerTaxId", "name")) {
            if (!index.containsKey(required)) {
                violations.add(new Problem.Violation(fileName + ": row 1", "the column '" + required + "' is missing"));
            }
        }
        if (!violations.isEmpty()) {
            throw refused(fileName, violations);
        }
        var invoices = new LinkedHashMap<String, List<InvoiceLineInput>>();
        var heads = new LinkedHashMap<String, String[]>();
        var firstRow = new LinkedHashMap<String, Integer>();
        for (int r = 1; r < records.size(); r++) {
            var record = records.get(r);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            int row = r + 1;
            Map<String, String> cells = new LinkedHashMap<>();
            index.forEach((column, i) -> cells.put(column, i < record.size() ? record.get(i).strip() : ""));
            String reference = cells.get("reference");
            if (reference.isEmpty()) {
                violations.add(new Problem.Violation(fileName + ": row " + row + ", column reference", "must not be empty"));
                continue;
            }
            try {
                var line = new InvoiceLineInput(required(cells, "name"), blank(cells.get("itemCode")), blank(cells.get("unit")),
                        decimal(cells, "quantity"), decimal(cells, "unitPrice"), decimal(cells, "amount"),
                        "true".equalsIgnoreCase(cells.getOrDefault("taxInclusive", "")) || "1".equals(cells.get("taxInclusive")),
                        decimal(cells, "rate"), treatment(cells.get("treatment")), blank(cells.get("exemptionReason")), LineKind.NORMAL,
                        null, null);
                invoices.computeIfAbsent(reference, k -> new ArrayList<>()).add(line);
                heads.putIfAbsent(reference, new String[] {cells.getOrDefault("kind", ""), cells.get("buyerTaxId"), cells.getOrDefault("note", "")});
                firstRow.putIfAbsent(reference, row);
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation(fileName + ": row " + row + ", column " + e.getMessage().split(":")[0],
                        e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip()));
            }
        }
        if (!violations.isEmpty()) {
            throw refused(fileName, violations);
        }
        var rows = new ArrayList<Row>();
        invoices.forEach((reference, lines) -> {
            var head = heads.get(reference);
            InvoiceKind kind;
            try {
                kind = head[0].isBlank() ? InvoiceKind.DIGITAL_ORDINARY : InvoiceKind.valueOf(head[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation(fileName + ": row " + firstRow.get(reference) + ", column kind",
                        "must be DIGITAL_SPECIAL or DIGITAL_ORDINARY"));
                return;
            }
            rows.add(new Row(fileName + " " + reference + " (row " + firstRow.get(reference) + ")",
                    new InvoiceService.Issue(kind, head[1], lines, blank(head[2]))));
        });
        if (!violations.isEmpty()) {
            throw refused(fileName, violations);
        }
        return rows;
    }

    /** A UBL 2.1 invoice of the caller's organisation as seller, passing the EN 16931 rules. */
    public static Row ubl(String fileName, byte[] content, String sellerTaxId) {
        var report = En16931Validation.validate(content);
        if (!report.passed()) {
            throw refused(fileName, report.fatal().stream()
                    .map(f -> new Problem.Violation(fileName + ": " + f.location(), f.ruleId() + " " + f.message())).toList());
        }
        var result = UblInvoiceReader.read(content);
        if (!result.ok()) {
            throw refused(fileName, result.errors().stream().map(e -> new Problem.Violation(fileName + ": " + e.element(),
                    e.messageEn() + " (" + e.messageZh() + ")")).toList());
        }
        var invoice = result.invoice();
        if (invoice.seller() == null || !sellerTaxId.equals(invoice.seller().value())) {
            throw refused(fileName, List.of(new Problem.Violation(fileName + ": AccountingSupplierParty",
                    "the seller's tax id " + invoice.seller() + " is not your organisation's (" + sellerTaxId + ")")));
        }
        return new Row(fileName, new InvoiceService.Issue(InvoiceKind.DIGITAL_ORDINARY,
                invoice.buyer() == null ? null : invoice.buyer().value(), invoice.lines(), invoice.note()));
    }

    private static ProblemException refused(String fileName, List<Problem.Violation> violations) {
        return new ProblemException(ProblemException.UNPROCESSABLE, "'" + fileName + "' cannot be read: " + violations.getFirst().field() + ": "
                + violations.getFirst().message() + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "")
                + "; nothing was issued", violations);
    }

    private static String required(Map<String, String> cells, String column) {
        String value = cells.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + ": must not be empty");
        }
        return value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static BigDecimal decimal(Map<String, String> cells, String column) {
        String value = cells.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": '" + value + "' is not a number");
        }
    }

    private static VatTreatment treatment(String value) {
        if (value == null || value.isBlank()) {
            return VatTreatment.STANDARD;
        }
        try {
            return VatTreatment.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("treatment: must be STANDARD, EXEMPT, NOT_TAXED or ZERO_RATED");
        }
    }

    /** RFC 4180 records: fields separated by commas, quoted with double quotes (doubled inside), rows by CRLF or LF. */
    static List<List<String>> parse(String text) {
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
