package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccountSnapshot;
import iamnb.model.AnalyzerFinding;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code access-analyzer-findings.json}: {@code aws accessanalyzer list-findings} (or list-findings-v2). */
final class AnalyzerFindingsCodec extends FileCodec {
    private static final String FINDINGS = "findings", ID = "id", PRINCIPAL = "principal", ACTION = "action",
            RESOURCE = "resource", IS_PUBLIC = "isPublic", RESOURCE_TYPE = "resourceType", CONDITION = "condition",
            CREATED = "createdAt", ANALYZED = "analyzedAt", UPDATED = "updatedAt", STATUS = "status",
            OWNER = "resourceOwnerAccount", TYPE = "findingType";

    AnalyzerFindingsCodec() {
        super(SnapshotFiles.ANALYZER_FINDINGS);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        folder.json(SnapshotFiles.ANALYZER_FINDINGS).ifPresent(f ->
                parts.analyzerFindings = f.list(FINDINGS).stream().map(AnalyzerFindingsCodec::finding).toList());
    }

    private static AnalyzerFinding finding(JsonAt x) {
        return new AnalyzerFinding(x.text(ID), x.optText(RESOURCE), x.optText(RESOURCE_TYPE), x.optText(OWNER),
                x.optText(STATUS), x.optText(TYPE), texts(x.get(PRINCIPAL)), x.strings(ACTION), texts(x.get(CONDITION)),
                x.optBool(IS_PUBLIC), x.optInstant(CREATED), x.optInstant(UPDATED), x.optInstant(ANALYZED));
    }

    private static Map<String, String> texts(JsonAt object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEach((k, v) -> out.put(k, v.asText()));
        return out;
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        if (s.analyzerFindings().isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        var list = o.putArray(FINDINGS);
        for (AnalyzerFinding f : s.analyzerFindings()) {
            ObjectNode n = list.addObject().put(ID, f.id());
            putTexts(n, PRINCIPAL, f.principal());
            if (!f.actions().isEmpty()) {
                Json.putStrings(n, ACTION, f.actions());
            }
            n.put(RESOURCE, f.resource());
            f.isPublic().ifPresent(b -> n.put(IS_PUBLIC, b));
            n.put(RESOURCE_TYPE, f.resourceType());
            putTexts(n, CONDITION, f.condition());
            Json.putTime(n, CREATED, f.createdAt());
            Json.putTime(n, ANALYZED, f.analyzedAt());
            Json.putTime(n, UPDATED, f.updatedAt());
            n.put(STATUS, f.status()).put(OWNER, f.resourceOwnerAccount());
            if (!f.findingType().isEmpty()) {
                n.put(TYPE, f.findingType());
            }
        }
        out.json(SnapshotFiles.ANALYZER_FINDINGS, o);
    }

    private static void putTexts(ObjectNode n, String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode o = n.putObject(key);
            values.forEach(o::put);
        }
    }
}
