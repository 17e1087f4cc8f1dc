package iamnb.audit.internal;

import iamnb.model.Condition;
import iamnb.model.Statement;
import java.util.List;
import java.util.stream.Collectors;

/** A statement in one short line: "Allow NotAction [iam:*] on * when Bool aws:MultiFactorAuthPresent true". Not API. */
public final class StatementText {
    private StatementText() {}

    public static String of(Statement s) {
        StringBuilder b = new StringBuilder(s.effect().json()).append(' ');
        b.append(s.notAction() ? "NotAction " : "").append(list(s.actions()));
        if (s.hasResourceElement()) {
            b.append(" on ").append(s.notResource() ? "NotResource " : "").append(list(s.resources()));
        }
        s.principal().ifPresent(p -> b.append(s.notPrincipal() ? " to NotPrincipal " : " to ").append(p));
        if (!s.conditions().isEmpty()) {
            b.append(" when ").append(s.conditions().stream().map(Condition::toString).collect(Collectors.joining(" and ")));
        }
        return b.toString();
    }

    private static String list(List<String> values) {
        return values.size() == 1 ? values.get(0) : values.toString();
    }
}
