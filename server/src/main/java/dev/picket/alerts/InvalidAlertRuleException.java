package dev.picket.alerts;

import dev.picket.api.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A rule the REST API and the rule form refuse: a 400 whose detail the client sees, and the field
 * it is about, so that the form shows it next to that field.
 */
class InvalidAlertRuleException extends ApiException {

    private final String field;

    /**
     * @param field the rule's field as the JSON names it ({@code name}, {@code condition.value}, …), with
     *              {@code actions.email}, {@code actions.webhook} and {@code actions.slack} for the targets
     */
    InvalidAlertRuleException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, detail);
        this.field = field;
    }

    String field() {
        return field;
    }
}
