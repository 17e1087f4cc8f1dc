package iamnb.runbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one step of an applied plan.
 *
 * @param number the step's 1-based number in its plan
 * @param step the step
 * @param status what happened
 * @param outputs what the call returned that later steps or people need ({@code Arn}, {@code AccessKeyId});
 *                never a secret
 * @param failure the error, when {@code status} is {@link StepStatus#FAILED}
 */
public record StepResult(int number, Step step, StepStatus status, Map<String, String> outputs,
                         Optional<Failure> failure) {

    /**
     * Why a step failed.
     *
     * @param code AWS's error code ({@code EntityAlreadyExists}, {@code AccessDenied}, ...), or
     *             {@code CheckFailed} when a check step's expectation did not hold, or {@code ClientError}
     *             when the call never reached AWS
     * @param message AWS's message, or ours
     * @param httpStatus the HTTP status AWS answered with, 0 when there was no answer
     * @param requestId AWS's request id, for a support case; empty when there was none
     */
    public record Failure(String code, String message, int httpStatus, String requestId) {
        public Failure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            requestId = requestId == null ? "" : requestId;
        }

        @Override
        public String toString() {
            return code + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + ": " + message;
        }
    }

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        Objects.requireNonNull(failure, "failure");
        if ((status == StepStatus.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("a step result has a failure exactly when its status is FAILED");
        }
    }

    /** One line: what happened, with the outputs or the error. */
    public String detail() {
        if (failure.isPresent()) {
            return failure.get().toString();
        }
        if (!outputs.isEmpty()) {
            StringBuilder s = new StringBuilder();
            outputs.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            return s.toString();
        }
        return "";
    }
}
