package iamnb.runbook;

import static iamnb.runbook.CrossAccountRole.params;

import iamnb.InvalidInputException;
import iamnb.model.AccessKey;
import iamnb.model.AccountView;
import iamnb.model.User;
import iamnb.runbook.internal.Validate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The seed's "Rotating Access Keys", from what the account knows about the user's keys: create a new key,
 * hand it over, deactivate the old one (kept for rollback), and delete it after a grace period of 24-48 hours.
 *
 * <pre>{@code
 * var rotation = Runbooks.rotateKeys(acct, "svc-deploy");
 * var report = rotation.plan().apply(iam);       // checks the keys, creates the new one, stops at the hand-over
 * report.newAccessKey().orElseThrow()            // masked; revealSecret() once
 * report = report.resume(iam);                   // after the hand-over: deactivates the old key
 * rotation.deletePlan().apply(iam);              // a day or two later, in a separate call: deletes it
 * }</pre>
 *
 * <p>The plan starts with a check that the user still has exactly the keys the account showed, so a plan made
 * from an old snapshot stops before writing. The new secret exists only in the {@link NewAccessKey} returned in
 * the report, never in a plan, a report's outputs or a snapshot. Deleting is never part of the first plan.
 */
public final class KeyRotation {
    /** The shortest grace period between deactivating and deleting the old key. */
    public static final Duration MIN_GRACE = Duration.ofHours(24);

    private final AccountView account;
    private final User user;
    private String oldKeyId;
    private Duration grace = MIN_GRACE;

    KeyRotation(AccountView account, String userName) {
        this.account = account;
        Validate.userName(userName, "rotateKeys(acct, userName)");
        this.user = account.user(userName);
    }

    /** The key to retire, when the user has two (default: the user's only key, or the older active one). */
    public KeyRotation oldKey(String accessKeyId) {
        Validate.accessKeyId(accessKeyId, "oldKey(...)");
        if (user.accessKeys().stream().noneMatch(k -> k.accessKeyId().equals(accessKeyId))) {
            throw new InvalidInputException("oldKey(...): " + user.name() + " has no access key " + accessKeyId
                    + " in account " + account.accountId() + " as of " + account.asOf() + "; its keys are " + keysText());
        }
        this.oldKeyId = accessKeyId;
        return this;
    }

    /** How long the old key stays deactivated before it may be deleted (24 hours at least; 48 is common). */
    public KeyRotation gracePeriod(Duration grace) {
        if (grace == null || grace.compareTo(MIN_GRACE) < 0) {
            throw new InvalidInputException("gracePeriod(...): " + grace + " is too short; keep the old key deactivated "
                    + "for at least 24 hours (PT24H), 48 hours (PT48H) when the application is rarely used");
        }
        this.grace = grace;
        return this;
    }

    public User user() {
        return user;
    }

    /** The key being retired. */
    public AccessKey oldKey() {
        List<AccessKey> keys = user.accessKeys();
        if (oldKeyId != null) {
            return keys.stream().filter(k -> k.accessKeyId().equals(oldKeyId)).findFirst().orElseThrow();
        }
        if (keys.isEmpty()) {
            throw new InvalidInputException(user.name() + " has no access key to rotate (account " + account.accountId()
                    + " as of " + account.asOf() + "). If it needs one, prefer a role; otherwise create it with "
                    + "aws iam create-access-key --user-name " + user.name());
        }
        if (keys.size() == 1) {
            return keys.get(0);
        }
        List<AccessKey> inactive = keys.stream().filter(k -> !k.isActive()).toList();
        if (!inactive.isEmpty()) {
            AccessKey spare = inactive.get(0);
            throw new InvalidInputException(user.name() + " already has two access keys (" + keysText() + ") and IAM "
                    + "allows two, so no new key can be created. Delete the inactive one first: Runbooks.rotateKeys(acct, \""
                    + user.name() + "\").oldKey(\"" + spare.accessKeyId() + "\").deletePlan()");
        }
        throw new InvalidInputException(user.name() + " has two active access keys (" + keysText() + ") and IAM allows "
                + "two, so no new key can be created. Find which one the application uses (last used dates), deactivate "
                + "and delete the other, then rotate; or name the key to retire with .oldKey(...) and delete it with deletePlan()");
    }

    private String keysText() {
        if (user.accessKeys().isEmpty()) {
            return "none";
        }
        return user.accessKeys().stream().sorted(Comparator.comparing(AccessKey::created))
                .map(k -> k.accessKeyId() + " (" + k.status().json() + ", created " + day(k.created()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String day(Instant instant) {
        return instant.toString().substring(0, 10);
    }

    private String lastUseText(AccessKey key) {
        return key.lastUsed().map(l -> "last used " + day(l.date()) + (l.service().isEmpty() || l.service().equals("N/A")
                ? "" : " for " + l.service())).orElse("never used");
    }

    /**
     * Steps: check the keys, create the new key, hand it over (manual: {@code apply} stops here), deactivate
     * the old key, and the deletion after the grace period as a follow-up done by {@link #deletePlan()}.
     */
    public Plan plan() {
        AccessKey old = oldKey();
        if (user.accessKeys().size() > 1) {
            throw new InvalidInputException(user.name() + " has two access keys (" + keysText() + "); IAM allows two, so "
                    + "the new key cannot be created before one is deleted. Retire " + old.accessKeyId()
                    + " first with deletePlan() after deactivating it, then rotate.");
        }
        long ageDays = Duration.between(old.created(), account.asOf()).toDays();
        List<String> warnings = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.check("iam:ListAccessKeys", params("UserName", user.name()),
                Map.of("AccessKeyIds", old.accessKeyId()),
                "Check that " + user.name() + " still has exactly the key this plan was made from (account "
                        + account.accountId() + " as of " + account.asOf() + "): " + keysText() + "."));
        steps.add(Step.call("iam:CreateAccessKey", params("UserName", user.name()),
                "Create the new key. Its secret is shown once, by report.newAccessKey().get().revealSecret(); "
                        + "it is never stored in plans, reports or snapshots."));
        steps.add(Step.manual("", Map.of(), "Hand the new key over: update the application or CI system that uses "
                + user.name() + " (" + old.accessKeyId() + " was " + lastUseText(old) + "), deploy, and confirm it "
                + "works with the new key."));
        if (old.isActive()) {
            steps.add(Step.call("iam:UpdateAccessKey", params("UserName", user.name(), "AccessKeyId", old.accessKeyId(),
                            "Status", "Inactive"),
                    "Deactivate the old key " + old.accessKeyId() + " (" + ageDays + " days old). Do not delete it yet: "
                            + "re-activating it is the rollback."));
        } else {
            warnings.add(old.accessKeyId() + " is already " + old.status().json() + ": there is nothing to deactivate");
        }
        steps.add(Step.followUp("iam:DeleteAccessKey", params("UserName", user.name(), "AccessKeyId", old.accessKeyId()),
                "After the grace period (" + IamCalls.human(grace) + ") with nothing broken, delete " + old.accessKeyId()
                        + " in a separate call: rotation.deletePlan().apply(iamClient)."));
        return Plan.of("Rotate the access key " + old.accessKeyId() + " of " + user.name(), steps, warnings);
    }

    /**
     * The later, separate deletion of the old key: checks it is {@code Inactive} and was not used during the
     * grace period, then deletes it.
     */
    public Plan deletePlan() {
        AccessKey old = oldKey();
        List<Step> steps = List.of(
                Step.check("iam:ListAccessKeys", params("UserName", user.name()),
                        params("AccessKeyId", old.accessKeyId(), "Status", "Inactive"),
                        "Check that " + old.accessKeyId() + " is deactivated: an active key is never deleted."),
                Step.check("iam:GetAccessKeyLastUsed", params("AccessKeyId", old.accessKeyId()),
                        params("NotUsedWithin", grace.toString()),
                        "Check that " + old.accessKeyId() + " was not used in the last " + IamCalls.human(grace)
                                + " (the grace period)."),
                Step.call("iam:DeleteAccessKey", params("UserName", user.name(), "AccessKeyId", old.accessKeyId()),
                        "Delete the old key " + old.accessKeyId() + " for good."));
        return Plan.of("Delete the retired access key " + old.accessKeyId() + " of " + user.name(), steps, List.of());
    }
}
