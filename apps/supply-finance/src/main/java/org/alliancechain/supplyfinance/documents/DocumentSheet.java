package org.alliancechain.supplyfinance.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * What one document prints, top to bottom: its title and number, sections of labelled facts and
 * tables, the statement the signers make, and who signs. Built by {@link DocumentFacts}, drawn by
 * {@link DocumentPdf}.
 *
 * @param kind            which document
 * @param number          the document's number
 * @param date            the date of the chain fact (Beijing time), as printed
 * @param verificationUrl the public page of its record (the QR code)
 * @param factsDigest     SHA-256 of the embedded facts.json
 * @param sections        the facts, in order
 * @param statement       what the signers declare, Chinese then English
 * @param signers         who signs, in order: organisation and the capacity it signs in
 */
public record DocumentSheet(DocumentKind kind, String number, String date, String verificationUrl, String factsDigest, List<Section> sections,
                            List<String> statement, List<Signer> signers) {

    /** A heading, its labelled facts, and optionally a table under them. */
    public record Section(String heading, List<Row> rows, Table table) {
    }

    /** One fact: a bilingual label and its value. */
    public record Row(String label, String value) {
    }

    /** A table of facts: headers, column shares of the width, which columns are figures (right-aligned). */
    public record Table(List<String> headers, float[] shares, boolean[] numeric, List<List<String>> rows) {
    }

    public record Signer(String organisation, String capacity) {
    }

    /** Every text the sheet prints (to choose the font that covers it). */
    List<String> texts() {
        var texts = new ArrayList<String>();
        texts.add(number);
        texts.add(date);
        texts.add(verificationUrl);
        for (var section : sections) {
            texts.add(section.heading());
            section.rows().forEach(r -> {
                texts.add(r.label());
                texts.add(r.value());
            });
            if (section.table() != null) {
                texts.addAll(section.table().headers());
                section.table().rows().forEach(texts::addAll);
            }
        }
        texts.addAll(statement);
        signers.forEach(s -> {
            texts.add(s.organisation());
            texts.add(s.capacity());
        });
        return texts;
    }
}
