package org.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What the web apps show of a refused change: a sentence for a person, never a Java class or engine code. */
class PlainEngineErrorsTest {

    @Test
    void aJavaMessageBecomesAPlainSentence() {
        assertThat(PlainEngineErrors.message("Cannot construct instance of `org.camunda.bpm.engine.form.CamundaFormRef` (no Creators,"
                + " like default constructor, exist): abstract types either need to be mapped to concrete types"))
                .isEqualTo(PlainEngineErrors.PLAIN);
        assertThat(PlainEngineErrors.message("ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed. Entity was updated by another transaction"))
                .isEqualTo(PlainEngineErrors.PLAIN);
        assertThat(PlainEngineErrors.message("java.lang.NullPointerException")).isEqualTo(PlainEngineErrors.PLAIN);
    }

    @Test
    void aRefusalMeantForAPersonKeepsItsWordsWithoutTheEnginesPrefixes() {
        assertThat(PlainEngineErrors.message("Cannot submit task form 8f1c: The date 2026-12-05 (childSeenOn) is in the future"))
                .isEqualTo("The date 2026-12-05 (childSeenOn) is in the future");
        assertThat(PlainEngineErrors.message("org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException: The action's due date 2026-04-01 is in the past"))
                .isEqualTo("The action's due date 2026-04-01 is in the past");
    }

    @Test
    void onlyTheMessageOfAJsonErrorChanges() {
        var body = "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot construct instance of `org.camunda.bpm.engine.form.CamundaFormRef`\",\"code\":0}";
        var plain = new String(new PlainEngineErrors().plain(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertThat(plain).contains("\"message\":\"" + PlainEngineErrors.PLAIN + "\"").contains("\"code\":0").doesNotContain("org.camunda");
        assertThat(new PlainEngineErrors().plain("{\"message\":\"The task does not exist anymore\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(new PlainEngineErrors().plain("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
