package iamnb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.internal.SafeMarkup;
import org.junit.jupiter.api.Test;

/**
 * What a reader of an untrusted notebook still sees: the classic notebook strips styles from stored HTML, so badges
 * must carry a label class and text cells a left-aligned block (test_browser_notebooks.py looks at them rendered;
 * these check the markup, quickly).
 */
class UntrustedMarkupTest {
    private static final Account DEMO = Iam.demo();

    @Test
    void findings_haveLabelledSeverities_leftAlignedCells_andWideTextColumns() {
        String html = (String) DEMO.audit().admins().toMimeBundle().get("text/html");
        assertTrue(html.contains("class=\"iamnb-badge label label-danger\""), "CRITICAL is a red label");
        assertTrue(html.contains("class=\"iamnb-badge label label-warning\""), "HIGH is an orange label");
        assertTrue(html.contains("<div align=\"left\"><b>temp-admin</b></div>"), html);
        assertTrue(html.contains("<th width=\"" + SafeMarkup.TEXT_COLUMN_WIDTH + "\""), "long-text columns keep a width");
    }

    @Test
    void decision_verdictIsALabel_andItsLayerTableLeftAligned() {
        String html = (String) DEMO.simulate("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/x")
                .toMimeBundle().get("text/html");
        assertTrue(html.contains("<span class=\"iamnb-badge label label-danger\">") || html.contains("<span class=\"iamnb-badge label label-danger\" style"), "an explicit deny is a red label");
        assertTrue(html.contains("<td valign=\"top\" style=\"text-align:left;vertical-align:top\"><div align=\"left\">"), html);
    }

    @Test
    void checklistAndPlan_useLabelsAndLeftAlignedText() {
        String checklist = (String) DEMO.audit().breakGlass().toMimeBundle().get("text/html");
        assertTrue(checklist.matches("(?s).*class=\"iamnb-badge label label-(success|danger|warning|primary)\".*"), checklist);
        String plan = (String) iamnb.runbook.Runbooks.rotateKeys(DEMO, "svc-deploy").plan().toMimeBundle().get("text/html");
        assertTrue(plan.contains("<td valign=\"top\" style=\"text-align:left\"><div align=\"left\"><code>iam:"), plan);
    }

    @Test
    void accountSummary_leftAlignsItsLabels() {
        String html = (String) DEMO.toMimeBundle().get("text/html");
        assertTrue(html.contains("<div align=\"left\">users</div>"), html);
    }
}
