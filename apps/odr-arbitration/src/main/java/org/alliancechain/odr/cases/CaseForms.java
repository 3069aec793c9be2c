package org.alliancechain.odr.cases;

import jakarta.enterprise.context.ApplicationScoped;
import org.alliancechain.service.web.PageForms;

/**
 * The case pages' forms, through the shared {@link PageForms}: checked against the API's request
 * records, refusals naming each field by its ODR label in Chinese and English.
 */
@ApplicationScoped
public class CaseForms {

    private final PageForms forms;

    CaseForms(PageForms forms) {
        this.forms = forms;
    }

    /** The form's request record, valid (400 naming each invalid field by its label otherwise). */
    public <T> T requireValid(T request) {
        return forms.requireValid(request, CaseForms::label);
    }

    /** One field of a form checked against the constraint of the API's request record on it. */
    public <T> void requireValid(Class<T> type, String field, Object value) {
        forms.requireValid(type, field, value, CaseForms::label);
    }

    /** A form field's bilingual name. */
    public static String label(String field) {
        return switch (field) {
            case "title" -> "案由 title";
            case "commission" -> "仲裁委员会 commission";
            case "respondent" -> "被申请人 respondent";
            case "claim" -> "仲裁请求 claim";
            case "amount" -> "金额 amount";
            case "currency" -> "币种 currency";
            case "agreementReference" -> "仲裁协议 agreement reference";
            case "reason" -> "理由 reason";
            case "text" -> "内容 text";
            case "opinion" -> "质证意见 opinion";
            case "decision" -> "裁决主文 decision";
            case "reasoning" -> "事实与理由 reasoning";
            case "note" -> "意见 note";
            case "heldAt" -> "开庭时间 held at";
            default -> field.startsWith("arbitrators") ? "仲裁员 arbitrators" : field;
        };
    }
}
