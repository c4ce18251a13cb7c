package dev.picket.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The rule form's typed fields become the REST API's JSON, read and refused by the API's own reader. */
class AlertRuleFormTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AlertRuleJson READER = new AlertRuleJson(JSON, new WebhookTargetGuard(new AlertsProperties(
            5, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(10), 10_000, false,
            Duration.ofMinutes(2))));

    @Test
    void whatIsTypedBecomesTheRuleTheApiWouldMake() {
        AlertRuleForm form = new AlertRuleForm(" Busy checkout ", "event_frequency", "100", "5", "error", "production",
                "", "charge", "region = eu\n\ntier=gold\n", "ops@example.com, oncall@example.com\nlead@example.com",
                "", "", "15");

        AlertRuleDraft rule = READER.read(form.toJson(JSON));

        assertThat(rule.name()).isEqualTo("Busy checkout");
        assertThat(rule.condition()).isEqualTo(AlertCondition.EVENT_FREQUENCY);
        assertThat(rule.threshold()).isEqualTo(100);
        assertThat(rule.windowMinutes()).isEqualTo(5);
        assertThat(rule.filters()).isEqualTo(new AlertFilters("error", "production", null, "charge",
                Map.of("region", "eu", "tier", "gold")));
        assertThat(rule.actions()).containsExactly(new AlertAction.Email(
                List.of("ops@example.com", "oncall@example.com", "lead@example.com")));
        assertThat(rule.throttleMinutes()).isEqualTo(15);
    }

    @Test
    void aRuleShownInTheFormAndSavedUnchangedStaysTheSame() {
        AlertRuleDraft draft = new AlertRuleDraft("Spike", AlertCondition.SPIKE, null, 10,
                new AlertFilters("warning", null, "shop@2", null, Map.of("region", "eu")),
                List.of(new AlertAction.Email(List.of("ops@example.com")),
                        new AlertAction.Webhook("https://hooks.example.com/picket")), 30);
        AlertRule rule = new AlertRule(1, 1, draft.name(), draft.condition(), draft.threshold(),
                draft.windowMinutes(), draft.filters(), draft.actions(), draft.throttleMinutes(), "secret",
                Instant.EPOCH);

        assertThat(READER.read(AlertRuleForm.of(rule).toJson(JSON))).isEqualTo(draft);
    }

    @Test
    void aNumberThatIsNotOneIsRefusedByTheReaderForItsField() {
        AlertRuleForm form = new AlertRuleForm("Busy", "unique_users", "many", "5", "", "", "", "", "", "",
                "https://hooks.example.com/picket", "", "");

        assertThatThrownBy(() -> READER.read(form.toJson(JSON)))
                .isInstanceOfSatisfying(InvalidAlertRuleException.class, e -> {
                    assertThat(AlertRuleForm.inputOf(e.field())).isEqualTo("threshold");
                    assertThat(e.detail()).isEqualTo("'condition.value' must be an integer from 0 to 2147483647");
                });
    }

    @Test
    void aTagLineWithoutAnEqualsSignIsRefusedForTheTagsField() {
        AlertRuleForm form = new AlertRuleForm("Tagged", "first_seen", "", "", "", "", "", "", "region eu", "",
                "", "", "");

        assertThatThrownBy(() -> form.toJson(JSON))
                .isInstanceOfSatisfying(InvalidAlertRuleException.class, e -> {
                    assertThat(AlertRuleForm.inputOf(e.field())).isEqualTo("tags");
                    assertThat(e.detail()).isEqualTo("each line of the tags must be key=value, not 'region eu'");
                });
    }

    @Test
    void aFormWithNoTargetIsRefusedForTheActions() {
        AlertRuleForm form = new AlertRuleForm("Nowhere", "first_seen", "", "", "", "", "", "", "", " ", "", "", "");

        assertThatThrownBy(() -> READER.read(form.toJson(JSON)))
                .isInstanceOfSatisfying(InvalidAlertRuleException.class, e -> {
                    assertThat(AlertRuleForm.inputOf(e.field())).isEqualTo("actions");
                    assertThat(e.detail()).isEqualTo("'actions' must be a non-empty array");
                });
    }
}
