package iamnb.policy.internal;

import iamnb.model.PolicyDocument;
import java.util.List;

/**
 * A policy document compiled once into matchers. Compile through a cache keyed by the document's identity, so
 * that a managed policy attached to thousands of roles is compiled once.
 */
public final class CompiledPolicy {
    private final PolicyDocument document;
    private final CompiledStatement[] statements;

    private CompiledPolicy(PolicyDocument document, CompiledStatement[] statements) {
        this.document = document;
        this.statements = statements;
    }

    /**
     * @param where names the policy in an error message
     * @throws iamnb.InvalidInputException when a statement uses an unknown condition operator
     */
    public static CompiledPolicy compile(PolicyDocument doc, String where) {
        boolean variables = doc.supportsVariables();
        List<iamnb.model.Statement> src = doc.statements();
        CompiledStatement[] out = new CompiledStatement[src.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new CompiledStatement(src.get(i), variables, where);
        }
        return new CompiledPolicy(doc, out);
    }

    public PolicyDocument document() {
        return document;
    }

    public CompiledStatement[] statements() {
        return statements;
    }
}
