package iamnb.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating one request: {@link Verdict#ALLOW}, {@link Verdict#EXPLICIT_DENY} or
 * {@link Verdict#IMPLICIT_DENY}; the layer and statement that decided; what every layer said; and an
 * explanation a person can act on ({@link #summary()}, {@link #fix()}, {@link #explain()}).
 *
 * <p>In a notebook the decision shows itself through {@link #toMimeBundle()} (text/plain, text/markdown,
 * text/html), without the library knowing anything of the kernel. The words are computed on first use, so
 * deciding stays cheap when thousands of decisions go into a table.
 */
public final class Decision {
    private final Request request;
    private final Layers layers;
    private final Verdict verdict;
    private final Basis basis;
    private final LayerResult decidingLayer;
    private final StatementMatch decidingStatement;
    private final StatementMatch supportingStatement;
    private final List<LayerResult> layerResults;
    private volatile Explainer.Text text;
    private volatile List<String> notes;
    private volatile WhatWouldAllow whatWouldAllow;
    private volatile List<ContextDependency> dependsOn;
    private volatile String fix;

    Decision(Request request, Layers layers, Verdict verdict, Basis basis, LayerResult decidingLayer,
             StatementMatch decidingStatement, StatementMatch supportingStatement, List<LayerResult> layerResults) {
        this.request = Objects.requireNonNull(request);
        this.layers = Objects.requireNonNull(layers);
        this.verdict = Objects.requireNonNull(verdict);
        this.basis = Objects.requireNonNull(basis);
        this.decidingLayer = Objects.requireNonNull(decidingLayer);
        this.decidingStatement = decidingStatement;
        this.supportingStatement = supportingStatement;
        this.layerResults = List.copyOf(layerResults);
    }

    public Request request() {
        return request;
    }

    public Layers layers() {
        return layers;
    }

    public Verdict verdict() {
        return verdict;
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOW;
    }

    /** The kind of layer that decided: the one that denied, the one that failed to allow, or the one that granted. */
    public LayerKind decidingLayer() {
        return decidingLayer.kind();
    }

    /** The deciding layer's result (for SCPs and RCPs, the one level that decided). */
    public LayerResult decidingLayerResult() {
        return decidingLayer;
    }

    /** The statement that decided: the Deny that applied, or the Allow that granted; empty for an implicit deny. */
    public Optional<StatementMatch> decidingStatement() {
        return Optional.ofNullable(decidingStatement);
    }

    /**
     * A second statement that took part: for a cross-account allow the identity statement, for a boundary or
     * session denial the identity statement that would have allowed.
     */
    public Optional<StatementMatch> supportingStatement() {
        return Optional.ofNullable(supportingStatement);
    }

    /** Every layer in evaluation order: SCP levels (root first), RCP levels, resource policy, identity, boundary, session. */
    public List<LayerResult> layerResults() {
        return layerResults;
    }

    /** The combined outcome of one kind of layer (for SCPs/RCPs: DENY if a level denies, SILENT if one is silent). */
    public LayerOutcome outcome(LayerKind kind) {
        boolean any = false;
        boolean silent = false;
        for (LayerResult l : layerResults) {
            if (l.kind() != kind || !l.applies()) {
                continue;
            }
            any = true;
            if (l.outcome() == LayerOutcome.DENY) {
                return LayerOutcome.DENY;
            }
            silent |= l.outcome() == LayerOutcome.SILENT;
        }
        return !any ? LayerOutcome.NOT_APPLICABLE : silent ? LayerOutcome.SILENT : LayerOutcome.ALLOW;
    }

    Basis basis() {
        return basis;
    }

    private Explainer.Text text() {
        Explainer.Text t = text;
        if (t == null) {
            t = Explainer.explain(this);
            text = t;
        }
        return t;
    }

    /** One or two sentences: what was decided and by what, e.g. "Denied: no identity policy allows ...". */
    public String summary() {
        return text().summary();
    }

    /**
     * What to change, starting with "Fix:"; empty when allowed. It is the first change of
     * {@link #whatWouldAllow()} — the one an expert would make, proved by evaluating the request again with it —
     * or, when no single change was found, the advice of the deciding layer.
     */
    public String fix() {
        String f = fix;
        if (f == null) {
            f = Explainer.fix(this, text());
            fix = f;
        }
        return f;
    }

    /**
     * For a denied request, the smallest changes that would allow it — context keys to send, the statement to
     * correct, a statement to add in a named layer with its exact JSON, a boundary, SCP or RCP to widen, a Deny
     * to narrow — each verified by evaluating the request again with the change applied; empty when allowed.
     * A table with {@code whatWouldAllow().table()}.
     */
    public WhatWouldAllow whatWouldAllow() {
        WhatWouldAllow w = whatWouldAllow;
        if (w == null) {
            w = WhatWouldAllow.of(this);
            whatWouldAllow = w;
        }
        return w;
    }

    /**
     * Context keys the request did not give (and the account does not know) whose values would change this
     * decision, each proved by evaluating the request again: "depends on aws:SourceIp, aws:MultiFactorAuthPresent".
     * The explanation lists them when the request was built with {@link Request.Builder#unknownContext()}.
     */
    public List<ContextDependency> dependsOn() {
        List<ContextDependency> d = dependsOn;
        if (d == null) {
            d = List.copyOf(ContextDiscovery.of(this));
            dependsOn = d;
        }
        return d;
    }

    /** The keys of {@link #dependsOn()}, in order of first mention. */
    public List<String> dependsOnKeys() {
        return ContextDiscovery.keys(dependsOn());
    }

    /** Further observations: layers that would allow, statements that nearly matched and why they did not. */
    public List<String> notes() {
        List<String> n = notes;
        if (n == null) {
            n = List.copyOf(Explainer.notes(this));
            notes = n;
        }
        return n;
    }

    /** A short name of the deciding statement ("policy app-s3, statement AllowS3"), or "". */
    public String decidingStatementLabel() {
        return decidingStatement == null ? "" : decidingStatement.policyName() + " " + decidingStatement.label();
    }

    /** The whole explanation as plain text: summary, notes, fix, then every layer. */
    public String explain() {
        return Explainer.plain(this, text(), notes());
    }

    /** Markdown for notebooks. */
    public String toMarkdown() {
        return Explainer.markdown(this, text(), notes());
    }

    /** HTML for notebooks; every value from policies and requests is escaped. */
    public String toHtml() {
        return Explainer.html(this, text(), notes());
    }

    /**
     * The notebook rendering: text/plain, text/markdown and text/html. Any object with this method is shown
     * richly by the kernel, which the library does not depend on.
     */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", explain());
        bundle.put("text/markdown", toMarkdown());
        bundle.put("text/html", toHtml());
        return bundle;
    }

    /**
     * Asks AWS's own simulator (IAM SimulatePrincipalPolicy, read-only) about this request and shows both answers
     * side by side, explaining any difference by the layers only ours evaluated. This is the one place a decision
     * reaches the network, and only when called: {@code acct.simulate(...).compareWithAws(iam)}.
     *
     * @see AwsSimulation
     */
    public Comparison compareWithAws(software.amazon.awssdk.services.iam.IamClient iam) {
        return new AwsSimulation(iam).compare(this);
    }

    /**
     * {@link #compareWithAws(software.amazon.awssdk.services.iam.IamClient)} with a client made from connection
     * options ({@code LiveOptions.builder().profile("audit").build()} is one) and closed after.
     */
    public Comparison compareWithAws(iamnb.aws.AwsConnection options) {
        return AwsSimulation.compare(this, options);
    }

    @Override
    public String toString() {
        return verdict + ": " + summary();
    }
}
