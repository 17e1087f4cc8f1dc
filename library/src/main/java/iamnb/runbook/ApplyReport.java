package iamnb.runbook;

import static iamnb.internal.Html.escape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link Plan#apply} did: one {@link StepResult} per step of the plan (done, failed with AWS's error
 * code and message, not run, waiting for a person, follow-up), and the new access key when the plan created
 * one (its secret masked). Immutable, except that the {@link NewAccessKey} forgets its secret once revealed.
 */
public final class ApplyReport {

    /** How the run ended. */
    public enum Outcome {
        /** Every executable step from the start step on succeeded. */
        COMPLETED,
        /** Stopped at a manual step that later executable steps depend on; {@link #resume} continues. */
        PAUSED,
        /** A step failed; the steps after it were not run. {@link #resume} retries the failed step. */
        FAILED,
        /** A dry run: no write was made. */
        DRY_RUN
    }

    private final Plan plan;
    private final List<StepResult> results;
    private final Outcome outcome;
    private final Optional<NewAccessKey> newAccessKey;
    private final ApplyOptions options;
    private final int resumeAt;

    ApplyReport(Plan plan, List<StepResult> results, Outcome outcome, Optional<NewAccessKey> newAccessKey,
                ApplyOptions options, int resumeAt) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.results = List.copyOf(results);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.newAccessKey = Objects.requireNonNull(newAccessKey, "newAccessKey");
        this.options = Objects.requireNonNull(options, "options");
        this.resumeAt = resumeAt;
    }

    public Plan plan() {
        return plan;
    }

    /** One result per step of the plan, in order. */
    public List<StepResult> results() {
        return results;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** True when the run completed (or was a dry run whose checks all held). */
    public boolean isSuccess() {
        return outcome == Outcome.COMPLETED || outcome == Outcome.DRY_RUN && failed().isEmpty();
    }

    /** The steps whose call was made and succeeded. */
    public List<StepResult> done() {
        return withStatus(StepStatus.DONE);
    }

    /** The step that failed, if any. */
    public Optional<StepResult> failed() {
        return results.stream().filter(r -> r.status() == StepStatus.FAILED).findFirst();
    }

    /** The steps not reached because the run stopped earlier. */
    public List<StepResult> notRun() {
        return withStatus(StepStatus.NOT_RUN);
    }

    /** The manual step the run stopped at, if it paused. */
    public Optional<StepResult> pausedAt() {
        return results.stream().filter(r -> r.status() == StepStatus.WAITING_FOR_YOU).findFirst();
    }

    private List<StepResult> withStatus(StepStatus status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    /** The access key the run created, secret masked until {@link NewAccessKey#revealSecret()}. */
    public Optional<NewAccessKey> newAccessKey() {
        return newAccessKey;
    }

    /**
     * Continues where the run stopped: after the manual step it paused at (once you have done it), or from the
     * failed step (once you have fixed the cause). Same options, same clock.
     *
     * @throws IllegalStateException when the run completed or was a dry run: there is nothing to continue
     */
    public ApplyReport resume(IamClient iam) {
        if (outcome == Outcome.COMPLETED || outcome == Outcome.DRY_RUN || resumeAt < 1) {
            throw new IllegalStateException("nothing to resume: the run " + (outcome == Outcome.DRY_RUN
                    ? "was a dry run; call plan.apply(iamClient) to run it" : "completed"));
        }
        return plan.apply(iam, options.toBuilder().startAt(resumeAt).build());
    }

    /** The summary sentence: how far the run got. */
    public String summary() {
        int ran = done().size();
        StringBuilder s = new StringBuilder();
        switch (outcome) {
            case COMPLETED -> s.append("Applied: ").append(ran).append(ran == 1 ? " call" : " calls").append(" succeeded.");
            case DRY_RUN -> s.append("Dry run: nothing was written. ")
                    .append(withStatus(StepStatus.WOULD_RUN).size()).append(" write(s) would run")
                    .append(ran > 0 ? ", " + ran + " read-only check(s) ran" : "")
                    .append(failed().map(f -> "; step " + f.number() + " failed: " + f.failure().orElseThrow()).orElse(""))
                    .append('.');
            case PAUSED -> {
                StepResult p = pausedAt().orElseThrow();
                s.append(ran).append(ran == 1 ? " call" : " calls").append(" succeeded, then stopped at step ")
                        .append(p.number()).append(", which is yours to do: ").append(p.step().description())
                        .append(" Then call report.resume(iamClient) to run step ").append(resumeAt).append(" on.");
            }
            case FAILED -> {
                StepResult f = failed().orElseThrow();
                s.append(ran).append(ran == 1 ? " call" : " calls").append(" succeeded, then step ").append(f.number())
                        .append(" (").append(f.step().action()).append(") failed: ").append(f.failure().orElseThrow())
                        .append(". ").append(notRun().size()).append(notRun().size() == 1 ? " step was" : " steps were")
                        .append(" not run. Fix the cause, then report.resume(iamClient) retries step ").append(f.number()).append('.');
            }
            default -> throw new IllegalStateException(outcome.toString());
        }
        List<StepResult> todo = results.stream().filter(r -> r.status() == StepStatus.TO_DO
                || r.status() == StepStatus.FOLLOW_UP).toList();
        if (!todo.isEmpty() && outcome != Outcome.FAILED && outcome != Outcome.PAUSED) {
            s.append(" Still yours to do: step").append(todo.size() == 1 ? " " : "s ")
                    .append(Render.numbers(todo.stream().map(StepResult::number).toList())).append('.');
        }
        return s.toString();
    }

    /** One row per step: step, call, status, detail (outputs or the error). */
    public Table table() {
        IntColumn number = IntColumn.create("step");
        StringColumn call = StringColumn.create("call");
        StringColumn status = StringColumn.create("status");
        StringColumn detail = StringColumn.create("detail");
        for (StepResult r : results) {
            number.append(r.number());
            call.append(r.step().hasCall() ? r.step().action() : "(manual)");
            status.append(r.status().label());
            detail.append(r.detail());
        }
        return Table.create("Applied: " + plan.title(), number, call, status, detail);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Applied plan: ").append(plan.title()).append('\n');
        for (StepResult r : results) {
            s.append(String.format("%3d. %-26s %-26s %s%n", r.number(),
                    r.step().hasCall() ? r.step().action() : "(no API call)", r.status().label(), r.detail()));
        }
        newAccessKey.ifPresent(k -> s.append(k).append('\n'));
        return s.append(summary()).toString();
    }

    /** {@code text/plain} and {@code text/html}: the steps with their status, and the summary. */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        StringBuilder h = new StringBuilder("<div class=\"iamnb-apply-report\"><p><b>Applied plan: ")
                .append(escape(plan.title())).append("</b></p><table><thead><tr>")
                .append(Render.headers("#", "Call", "Status", "Detail", "What it does")).append("</tr></thead><tbody>");
        for (StepResult r : results) {
            // The colour twice: inline for trusted output, a Bootstrap text class for the classic notebook's sanitizer.
            String colour = switch (r.status()) {
                case DONE -> "#1a7f37\" class=\"text-success";
                case FAILED -> "#cf222e\" class=\"text-danger";
                case WAITING_FOR_YOU -> "#9a6700\" class=\"text-warning";
                default -> "#57606a\" class=\"text-muted";
            };
            h.append("<tr style=\"vertical-align:top\"><td valign=\"top\">").append(r.number()).append("</td>")
                    .append(Render.textCell(r.step().hasCall() ? "<code>" + escape(r.step().action()) + "</code>" : "<i>no API call</i>"))
                    .append(Render.textCell("<b style=\"color:" + colour + "\">" + escape(r.status().label()) + "</b>"))
                    .append(Render.textCell(escape(r.detail())))
                    .append(Render.textCell(escape(r.step().description()))).append("</tr>");
        }
        h.append("</tbody></table>");
        newAccessKey.ifPresent(k -> h.append(k.toMimeBundle().get("text/html")));
        h.append("<p><b>").append(escape(summary())).append("</b></p></div>");
        bundle.put("text/html", h.toString());
        return bundle;
    }
}
