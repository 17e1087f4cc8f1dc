package iamnb.runbook;

import static iamnb.internal.Html.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a runbook would do, as a numbered list of exact API calls, and nothing more: building, showing or
 * saving a plan never talks to AWS. Only {@link #apply(IamClient)} writes, step by step, stopping at the first
 * failure, and it returns an {@link ApplyReport} that says what was done, what failed and what was not run.
 *
 * <pre>{@code
 * var plan = Runbooks.breakGlassRole(acct, "break-glass-admin").plan();   // shows the calls
 * plan.toCli();                                                           // the same as aws CLI commands
 * var report = plan.apply(iam);                                           // makes them
 * }</pre>
 *
 * <p>Steps are {@link StepKind#EXECUTABLE} (made by {@code apply}), {@link StepKind#MANUAL} (for a person: a
 * hand-over, or a call in another account) or {@link StepKind#FOLLOW_UP} (listed, never executed). A manual
 * step followed by executable ones is a checkpoint: {@code apply} stops there, and
 * {@link ApplyReport#resume(IamClient)} continues once the person has done it.
 *
 * <p>Immutable; shows itself in a notebook through {@link #toMimeBundle()}.
 */
public final class Plan {
    private final String title;
    private final List<Step> steps;
    private final List<String> warnings;

    private Plan(String title, List<Step> steps, List<String> warnings) {
        this.title = Objects.requireNonNull(title, "title");
        this.steps = List.copyOf(steps);
        this.warnings = List.copyOf(warnings);
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one step");
        }
        for (int i = 0; i < this.steps.size(); i++) {
            Step s = this.steps.get(i);
            if (s.kind() == StepKind.EXECUTABLE) {
                IamCalls.checkSupported(i + 1, s);
            }
        }
    }

    /**
     * A plan of your own steps. Executable steps must be calls {@code apply} knows, with their exact AWS
     * parameter names; anything else belongs in a manual or follow-up step.
     *
     * @throws IllegalArgumentException naming the step and the problem
     */
    public static Plan of(String title, List<Step> steps, List<String> warnings) {
        return new Plan(title, steps, warnings);
    }

    public static Plan of(String title, List<Step> steps) {
        return new Plan(title, steps, List.of());
    }

    public String title() {
        return title;
    }

    public List<Step> steps() {
        return steps;
    }

    /** Things the reviewer should know before applying (a role that already exists, a placeholder to fill). */
    public List<String> warnings() {
        return warnings;
    }

    public int size() {
        return steps.size();
    }

    /** The step with this 1-based number. */
    public Step step(int number) {
        if (number < 1 || number > steps.size()) {
            throw new IndexOutOfBoundsException("step " + number + " does not exist; this plan has steps 1 to " + steps.size());
        }
        return steps.get(number - 1);
    }

    /** How many steps {@code apply} makes (the executable ones). */
    public int executableCount() {
        return (int) steps.stream().filter(s -> s.kind() == StepKind.EXECUTABLE).count();
    }

    /** The first manual step that stops {@code apply} from step {@code from} on (a later step is executable). */
    Optional<Integer> checkpointFrom(int from) {
        for (int i = from - 1; i < steps.size(); i++) {
            if (steps.get(i).kind() == StepKind.MANUAL && hasExecutableAfter(i)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private boolean hasExecutableAfter(int index) {
        for (int j = index + 1; j < steps.size(); j++) {
            if (steps.get(j).kind() == StepKind.EXECUTABLE) {
                return true;
            }
        }
        return false;
    }

    // ---- applying ------------------------------------------------------------------------------------------

    /** Makes the executable steps in order, stopping at the first failure or at a manual checkpoint. */
    public ApplyReport apply(IamClient iam) {
        return apply(iam, ApplyOptions.defaults());
    }

    /**
     * {@link #apply(IamClient)} with options, e.g. {@code plan.apply(iam, o -> o.dryRun(true))} or
     * {@code plan.apply(iam, o -> o.startAt(3))}.
     */
    public ApplyReport apply(IamClient iam, Consumer<ApplyOptions.Builder> options) {
        ApplyOptions.Builder b = ApplyOptions.builder();
        options.accept(b);
        return apply(iam, b.build());
    }

    public ApplyReport apply(IamClient iam, ApplyOptions options) {
        Objects.requireNonNull(iam, "iam client: pass an IamClient, e.g. IamClient.builder().region(Region.AWS_GLOBAL).build()");
        Objects.requireNonNull(options, "options");
        if (options.startAt() > steps.size()) {
            throw new IllegalArgumentException("startAt " + options.startAt() + " is past the last step (" + steps.size() + ")");
        }
        List<StepResult> results = new ArrayList<>(steps.size());
        Optional<NewAccessKey> newKey = Optional.empty();
        ApplyReport.Outcome outcome = options.dryRun() ? ApplyReport.Outcome.DRY_RUN : ApplyReport.Outcome.COMPLETED;
        int resumeAt = 0;
        boolean stopped = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int number = i + 1;
            if (number < options.startAt()) {
                results.add(result(number, step, StepStatus.SKIPPED));
            } else if (stopped) {
                results.add(result(number, step, StepStatus.NOT_RUN));
            } else if (step.kind() == StepKind.FOLLOW_UP) {
                results.add(result(number, step, StepStatus.FOLLOW_UP));
            } else if (step.kind() == StepKind.MANUAL) {
                if (!options.dryRun() && hasExecutableAfter(i)) {
                    results.add(result(number, step, StepStatus.WAITING_FOR_YOU));
                    outcome = ApplyReport.Outcome.PAUSED;
                    resumeAt = number + 1;
                    stopped = true;
                } else {
                    results.add(result(number, step, StepStatus.TO_DO));
                }
            } else if (options.dryRun() && !step.isReadOnly()) {
                results.add(result(number, step, StepStatus.WOULD_RUN));
            } else {
                try {
                    IamCalls.Outcome out = IamCalls.run(iam, step, options.clock());
                    if (out.newKey().isPresent()) {
                        newKey = out.newKey();
                    }
                    results.add(new StepResult(number, step, StepStatus.DONE, out.outputs(), Optional.empty()));
                } catch (IamCalls.CheckFailed e) {
                    results.add(failed(number, step, new StepResult.Failure("CheckFailed", e.getMessage(), 0, "")));
                } catch (AwsServiceException e) {
                    var details = e.awsErrorDetails();
                    String code = details == null || details.errorCode() == null ? "ServiceError" : details.errorCode();
                    String message = details == null || details.errorMessage() == null ? e.getMessage() : details.errorMessage();
                    results.add(failed(number, step, new StepResult.Failure(code, message, e.statusCode(), e.requestId())));
                } catch (SdkException e) {
                    results.add(failed(number, step, new StepResult.Failure("ClientError",
                            "the call did not reach AWS or its answer could not be read: " + e.getMessage(), 0, "")));
                }
                if (results.get(i).status() == StepStatus.FAILED) {
                    outcome = ApplyReport.Outcome.FAILED;
                    resumeAt = number;
                    stopped = true;
                }
            }
        }
        return new ApplyReport(this, results, outcome, newKey, options, resumeAt);
    }

    private static StepResult result(int number, Step step, StepStatus status) {
        return new StepResult(number, step, status, Map.of(), Optional.empty());
    }

    private static StepResult failed(int number, Step step, StepResult.Failure failure) {
        return new StepResult(number, step, StepStatus.FAILED, Map.of(), Optional.of(failure));
    }

    // ---- rendering -----------------------------------------------------------------------------------------

    /** One row per step: step, kind, call, parameters, description. */
    public Table table() {
        IntColumn number = IntColumn.create("step");
        StringColumn kind = StringColumn.create("kind");
        StringColumn call = StringColumn.create("call");
        StringColumn params = StringColumn.create("parameters");
        StringColumn description = StringColumn.create("description");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            number.append(i + 1);
            kind.append(s.kind().label());
            call.append(s.action());
            params.append(Render.parametersText(s.parameters(), "").strip());
            description.append(s.description());
        }
        return Table.create(title, number, kind, call, params, description);
    }

    /**
     * The plan as {@code aws} CLI commands, each after a comment with its number and description; manual and
     * follow-up steps are marked so, and steps without a call are comments only.
     */
    public String toCli() {
        StringBuilder s = new StringBuilder("# ").append(title).append('\n');
        for (String w : warnings) {
            s.append("# WARNING: ").append(w).append('\n');
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            s.append('\n').append("# ").append(i + 1).append(". ");
            if (step.kind() != StepKind.EXECUTABLE) {
                s.append('(').append(step.kind().label()).append(") ");
            }
            s.append(step.description().replace("\n", "\n#    ")).append('\n');
            if (!step.expect().isEmpty()) {
                s.append("#    check: ").append(expectText(step)).append('\n');
            }
            if (step.hasCall()) {
                s.append(Render.cliCommand(step)).append('\n');
            }
        }
        return s.toString();
    }

    static String expectText(Step step) {
        StringBuilder s = new StringBuilder();
        step.expect().forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
        return s.toString();
    }

    /** The bold sentence under every rendering: nothing ran, and how to run it. */
    public String note() {
        int n = executableCount();
        StringBuilder s = new StringBuilder("Nothing has been executed. ");
        if (n == 0) {
            s.append("This plan has no step apply() can run: every step is manual or a follow-up.");
            return s.toString();
        }
        s.append(n == 1 ? "Call plan.apply(iamClient) to run its one step."
                : "Call plan.apply(iamClient) to run these " + n + " steps.");
        checkpointFrom(1).ifPresent(c -> s.append(" apply() stops at step ").append(c)
                .append(" (manual); report.resume(iamClient) continues after it."));
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() != StepKind.EXECUTABLE) {
                others.add(i + 1);
            }
        }
        if (!others.isEmpty()) {
            s.append(others.size() == 1 ? " Step " : " Steps ").append(Render.numbers(others))
                    .append(others.size() == 1 ? " is" : " are").append(" manual or follow-up: apply() never runs them.");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Plan: ").append(title).append(" (").append(steps.size())
                .append(steps.size() == 1 ? " step)\n" : " steps)\n");
        for (String w : warnings) {
            s.append("  WARNING: ").append(w).append('\n');
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            s.append(String.format("%3d. %s  [%s]%n", i + 1, step.hasCall() ? step.action() : "(no API call)",
                    step.kind().label()));
            s.append("     ").append(step.description().replace("\n", "\n     ")).append('\n');
            s.append(Render.parametersText(step.parameters(), "       "));
            if (!step.expect().isEmpty()) {
                s.append("       check: ").append(expectText(step)).append('\n');
            }
        }
        return s.append(note()).toString();
    }

    /** {@code text/plain} and {@code text/html}: a numbered table of the calls and the "nothing executed" note. */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        StringBuilder h = new StringBuilder("<div class=\"iamnb-plan\"><p><b>Plan: ").append(escape(title))
                .append("</b> (").append(steps.size()).append(steps.size() == 1 ? " step" : " steps").append(")</p>");
        if (!warnings.isEmpty()) {
            h.append("<ul>");
            warnings.forEach(w -> h.append("<li>&#9888; ").append(escape(w)).append("</li>"));
            h.append("</ul>");
        }
        h.append("<table><thead><tr>").append(Render.headers("#", "Call", "Parameters", "What it does", "Runs"))
                .append("</tr></thead><tbody>");
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            StringBuilder parameters = new StringBuilder(Render.parametersHtml(step.parameters()));
            if (!step.expect().isEmpty()) {
                parameters.append("<div><i>check:</i> ").append(escape(expectText(step))).append("</div>");
            }
            h.append("<tr style=\"vertical-align:top\"><td valign=\"top\">").append(i + 1).append("</td>")
                    .append(Render.textCell(step.hasCall() ? "<code>" + escape(step.action()) + "</code>" : "<i>no API call</i>"))
                    .append(Render.textCell(parameters.toString()))
                    .append(Render.textCell(escape(step.description())))
                    .append(Render.textCell(escape(step.kind().label()))).append("</tr>");
        }
        h.append("</tbody></table><p><b>").append(escape(note())).append("</b></p></div>");
        bundle.put("text/html", h.toString());
        return bundle;
    }
}
