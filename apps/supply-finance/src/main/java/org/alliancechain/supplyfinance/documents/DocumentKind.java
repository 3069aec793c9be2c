package org.alliancechain.supplyfinance.documents;

/** The documents of a certificate's life, each made from one kind of chain fact (its history row). */
public enum DocumentKind {
    PAYABLE_CONFIRMATION("应付账款确认书", "Payable confirmation", "C", "CONFIRMED"),
    TRANSFER("债权转让通知及签收单", "Transfer notice and receipt", "T", "ACCEPTED"),
    FINANCING_AGREEMENT("保理融资协议", "Financing agreement", "F", "FINANCED"),
    SETTLEMENT_STATEMENT("兑付清分单", "Settlement statement", "S", "CERTIFICATE_SETTLED");

    public final String chinese;
    public final String english;
    /** The letter after the certificate's number in the document's number. */
    public final String letter;
    /** The kind of history row (the chain fact) the document is made from. */
    public final String fact;

    DocumentKind(String chinese, String english, String letter, String fact) {
        this.chinese = chinese;
        this.english = english;
        this.letter = letter;
        this.fact = fact;
    }

    public String title() {
        return chinese + " " + english;
    }

    /** The record kind, as EvidenceRecord names it. */
    public String recordKind() {
        return "supply-finance." + name().toLowerCase().replace('_', '-');
    }

    public static DocumentKind ofFact(String historyKind) {
        for (var kind : values()) {
            if (kind.fact.equals(historyKind)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no document is made from a " + historyKind + " fact");
    }
}
