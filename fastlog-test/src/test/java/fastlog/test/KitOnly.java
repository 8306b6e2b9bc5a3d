package fastlog.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An example test class that only runs inside {@link Kit#run} (which sets the configuration
 * parameter {@value Kit#PARAMETER}), never directly in the build: its outcome is what the outer
 * test checks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KitOnly.Condition.class)
@interface KitOnly {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(Kit.PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by Kit")
                    : ConditionEvaluationResult.disabled("an example for Kit.run, not a test of its own");
        }
    }
}
