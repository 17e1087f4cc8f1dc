package iamnb.runbook;

import static iamnb.runbook.CrossAccountRole.params;

import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.model.PolicyDocument;
import iamnb.runbook.internal.Json;
import iamnb.runbook.internal.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The seed's "Conditional MFA Policies": low-risk reads allowed without MFA, writes only when the request was
 * signed with MFA ({@code "Bool": {"aws:MultiFactorAuthPresent": "true"}}; long-term access keys never carry
 * the key, so they cannot write).
 *
 * <pre>{@code
 * Runbooks.conditionalMfa().document();                                    // the seed's policy
 * Runbooks.conditionalMfa().readActions("s3:Get*").writeActions("s3:Put*").resources("arn:aws:s3:::prod-data/*")
 *         .policyName("prod-data-mfa-writes").plan();                     // iam:CreatePolicy
 * }</pre>
 *
 * <p>A read pattern that also matches a write action ({@code s3:*} next to {@code s3:PutObject}) is refused: the
 * read statement would allow that write without MFA.
 */
public final class ConditionalMfaPolicy {
    public static final List<String> SEED_READS = List.of("s3:GetObject", "s3:ListBucket", "ec2:Describe*");
    public static final List<String> SEED_WRITES = List.of("s3:PutObject", "s3:DeleteObject", "ec2:RunInstances",
            "ec2:TerminateInstances");

    private List<String> reads = SEED_READS;
    private List<String> writes = SEED_WRITES;
    private List<String> resources = List.of("*");
    private String policyName = "require-mfa-for-writes";

    ConditionalMfaPolicy() {}

    /** Actions allowed without MFA (wildcards allowed). */
    public ConditionalMfaPolicy readActions(String... actions) {
        this.reads = actions(actions, "readActions(...)");
        return this;
    }

    /** Actions allowed only with MFA. */
    public ConditionalMfaPolicy writeActions(String... actions) {
        this.writes = actions(actions, "writeActions(...)");
        return this;
    }

    /** The resources both statements apply to ({@code *} by default). */
    public ConditionalMfaPolicy resources(String... resources) {
        if (resources.length == 0) {
            throw new InvalidInputException("resources(...): give at least one resource ARN or \"*\"");
        }
        for (String r : resources) {
            if (r == null || !(r.equals("*") || r.startsWith("arn:"))) {
                throw new InvalidInputException("resources(...): \"" + r + "\" is not a resource ARN (arn:...) or \"*\"");
            }
        }
        this.resources = List.of(resources);
        return this;
    }

    /** The managed policy's name for {@link #plan()} ({@code require-mfa-for-writes}). */
    public ConditionalMfaPolicy policyName(String name) {
        this.policyName = Validate.policyName(name, "policyName(...)");
        return this;
    }

    private static List<String> actions(String[] actions, String where) {
        if (actions.length == 0) {
            throw new InvalidInputException(where + ": give at least one action, e.g. \"s3:GetObject\"");
        }
        List<String> out = new ArrayList<>();
        for (String a : actions) {
            out.add(Validate.action(a, where));
        }
        return List.copyOf(out);
    }

    private void checkNoOverlap() {
        for (String read : reads) {
            Pattern p = glob(read);
            for (String write : writes) {
                if (p.matcher(write.toLowerCase()).matches()) {
                    throw new InvalidInputException("read action \"" + read + "\" also matches the write action \"" + write
                            + "\": the read statement would allow it without MFA. Narrow the read actions (e.g. \"s3:Get*\")");
                }
            }
        }
    }

    private static Pattern glob(String action) {
        StringBuilder re = new StringBuilder();
        for (char c : action.toLowerCase().toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    /** The policy: statement {@code AllowReadWithoutMFA}, then {@code AllowWriteOnlyWithMFA}. */
    public PolicyDocument document() {
        return PolicyDocument.parse(json(), "conditional MFA policy");
    }

    private String json() {
        checkNoOverlap();
        ObjectNode read = Json.object();
        read.put("Sid", "AllowReadWithoutMFA");
        read.put("Effect", "Allow");
        read.set("Action", Json.array(reads));
        read.set("Resource", Json.oneOrMany(resources));
        ObjectNode write = Json.object();
        write.put("Sid", "AllowWriteOnlyWithMFA");
        write.put("Effect", "Allow");
        write.set("Action", Json.array(writes));
        write.set("Resource", Json.oneOrMany(resources));
        write.putObject("Condition").putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
        ObjectNode doc = Json.object();
        doc.put("Version", PolicyDocument.VERSION_2012);
        doc.putArray("Statement").add(read).add(write);
        return Json.pretty(doc);
    }

    /** A one-step plan creating the document as a customer managed policy. */
    public Plan plan() {
        return Plan.of("Managed policy " + policyName + ": reads without MFA, writes only with MFA",
                List.of(Step.call("iam:CreatePolicy", params("PolicyName", policyName, "PolicyDocument", json(),
                                "Description", "Reads without MFA; writes only with MFA"),
                        "Create the managed policy " + policyName + ": " + String.join(", ", reads)
                                + " without MFA; " + String.join(", ", writes) + " only with MFA.")));
    }
}
