package org.alliancechain.einvoice.documents;

import com.helger.diagnostics.error.IError;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;

/**
 * Checks UBL Invoice/CreditNote bytes against the official EN 16931 rules (XSD + the CEN Schematron,
 * as embedded in phive-rules-en16931: validation artefacts 1.3.15). Returns a report, never throws
 * for a bad document. The rules are compiled once, lazily, on first use (holder idiom: thread-safe
 * without locks); the first call takes seconds, later ones milliseconds.
 */
public final class En16931Validation {

    static final String UBL_INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String UBL_CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private En16931Validation() {
    }

    public enum Severity { FATAL, WARNING }

    /**
     * One failed rule.
     *
     * @param ruleId   the official id, e.g. "BR-CO-15", or "XSD" / "XML" for schema and parse errors
     * @param location XPath of the failing element (Schematron) or line:column (XSD)
     */
    public record Failure(String ruleId, Severity severity, String message, String location) {
    }

    /** {@code passed()} = no fatal failure (warnings allowed, as the rules intend). */
    public record Report(String documentType, List<Failure> failures) {

        public Report {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.stream().noneMatch(f -> f.severity() == Severity.FATAL);
        }

        public List<Failure> fatal() {
            return failures.stream().filter(f -> f.severity() == Severity.FATAL).toList();
        }

        public List<String> fatalRuleIds() {
            return fatal().stream().map(Failure::ruleId).distinct().toList();
        }
    }

    /** Compiles the rules now (e.g. from a startup bean) instead of on the first upload. */
    public static void warmUp() {
        if (Rules.INVOICE == null || Rules.CREDIT_NOTE == null) {
            throw new IllegalStateException("phive-rules-en16931 has no UBL 1.3.15 rule set");
        }
    }

    public static Report validate(byte[] xml) {
        Document dom;
        try {
            dom = XmlInput.parse(xml);
        } catch (Exception e) {
            return new Report("unknown", List.of(new Failure("XML", Severity.FATAL, "not well-formed XML: " + e.getMessage(), "")));
        }
        String ns = dom.getDocumentElement().getNamespaceURI();
        String type;
        IValidationExecutorSet<IValidationSourceXML> rules;
        if (UBL_INVOICE_NS.equals(ns)) {
            type = "Invoice";
            rules = Rules.INVOICE;
        } else if (UBL_CREDIT_NOTE_NS.equals(ns)) {
            type = "CreditNote";
            rules = Rules.CREDIT_NOTE;
        } else {
            return new Report("unknown", List.of(new Failure("XML", Severity.FATAL,
                    "not a UBL 2.1 Invoice or CreditNote: root {" + ns + "}" + dom.getDocumentElement().getLocalName(), "/")));
        }
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), rules, ValidationSourceXML.create(null, dom), Locale.US);
        List<Failure> failures = new ArrayList<>();
        results.forEachFlattened(e -> failures.add(failure(e)));
        return new Report(type, failures);
    }

    private static Failure failure(IError e) {
        Severity severity = e.getErrorLevel().isGE(com.helger.diagnostics.error.level.EErrorLevel.ERROR)
                ? Severity.FATAL : Severity.WARNING;
        String id = e.getErrorID() != null ? e.getErrorID() : "XSD";
        String location = e.getErrorFieldName() != null ? e.getErrorFieldName()
                : e.hasErrorLocation() ? e.getErrorLocation().getAsString() : "";
        return new Failure(id, severity, e.getErrorText(Locale.US), location);
    }

    /** Compiled on first use of this class only. */
    private static final class Rules {
        private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = registry();
        static final IValidationExecutorSet<IValidationSourceXML> INVOICE =
                REGISTRY.getOfID(EN16931Validation.VID_UBL_INVOICE_1315);
        static final IValidationExecutorSet<IValidationSourceXML> CREDIT_NOTE =
                REGISTRY.getOfID(EN16931Validation.VID_UBL_CREDIT_NOTE_1315);

        private static ValidationExecutorSetRegistry<IValidationSourceXML> registry() {
            ValidationExecutorSetRegistry<IValidationSourceXML> r = new ValidationExecutorSetRegistry<>();
            EN16931Validation.initEN16931(r);
            return r;
        }
    }
}
