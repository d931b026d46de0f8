package org.carepath;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A process test: the shared application context ({@link CarePathTest}) and, once the class has run, the
 * check that its instances (with the clocks of their stages and whatever they called) walked every flow
 * node of the models it names. A BPMN path without a test that walks it does not exist yet.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CarePathTest
@ExtendWith(ProcessTest.EveryPathWalked.class)
public @interface ProcessTest {

    /** The process keys whose every flow node the class must walk. */
    String[] value();

    final class EveryPathWalked implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            ProcessTestSupport.STARTED.clear();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            var engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
            var keys = context.getRequiredTestClass().getAnnotation(ProcessTest.class).value();
            for (var key : keys) {
                ProcessTestSupport.assertEveryFlowNodeWalked(engine, key, ProcessTestSupport.STARTED);
            }
        }
    }
}
