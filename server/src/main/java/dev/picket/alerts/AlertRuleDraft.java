package dev.picket.alerts;

import java.util.List;

/** What a rule is created or replaced with: a rule without its id, secret and creation time. */
public record AlertRuleDraft(String name, AlertCondition condition, Integer threshold, Integer windowMinutes,
                             AlertFilters filters, List<AlertAction> actions, int throttleMinutes) {

    public AlertRuleDraft {
        actions = List.copyOf(actions);
    }
}
