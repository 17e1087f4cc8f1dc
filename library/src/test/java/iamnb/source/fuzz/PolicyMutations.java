package iamnb.source.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Malformed and oversized policy documents, as text: what {@code PolicyDocument.parse} must refuse clearly or load. */
final class PolicyMutations {
    /** A document that uses every element IAM allows, so that every element gets its wrong types. */
    static final String SEED = """
            {"Version":"2012-10-17","Id":"fuzz","Statement":[
             {"Sid":"A","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"arn:aws:s3:::b/*",
              "Principal":{"AWS":["arn:aws:iam::111122223333:root"],"Service":"ec2.amazonaws.com"},
              "Condition":{"StringEquals":{"aws:username":["alice","bob"]},"Bool":{"aws:SecureTransport":true}}},
             {"Sid":"B","Effect":"Deny","NotAction":"iam:*","NotResource":["*"],"NotPrincipal":{"AWS":"*"}}]}""";

    /** One document and what was done to it. */
    record Doc(String kind, String text, boolean wholeDocument) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PolicyMutations() {}

    static List<Doc> all() {
        List<Doc> out = new ArrayList<>();
        out.addAll(wrongTypesEverywhere());
        out.addAll(malformedStatements());
        out.addAll(deeplyNested());
        out.addAll(huge());
        out.addAll(urlEncoding());
        for (int cut = 1; cut < SEED.length(); cut += 23) {
            out.add(new Doc("truncation", SEED.substring(0, cut), false));
        }
        return out;
    }

    /** Every element of {@link #SEED} replaced, in turn, by a value of each other JSON type. */
    static List<Doc> wrongTypesEverywhere() {
        List<Doc> out = new ArrayList<>();
        int slots = FolderMutations.slots(tree(), n -> true).size();
        for (int i = 0; i < slots; i++) {
            for (JsonNode value : List.of(F.numberNode(7), F.booleanNode(false), F.nullNode(), TextNode.valueOf("x"),
                    F.objectNode(), F.arrayNode(), F.arrayNode().add(F.arrayNode().add(1)),
                    F.objectNode().set("k", F.objectNode()))) {
                JsonNode root = tree();
                FolderMutations.Slot s = FolderMutations.slots(root, n -> true).get(i);
                if (s.get().getNodeType() != value.getNodeType()) {
                    s.set(value);
                    out.add(new Doc("wrong type in an element", root.toString(), false));
                }
            }
        }
        return out;
    }

    static List<Doc> malformedStatements() {
        String[] statements = {"{}", "{\"Effect\":\"Allow\"}", "{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"*\",\"Resource\":\"*\"}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"NotResource\":\"*\"}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":\"*\",\"NotPrincipal\":\"*\"}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":\"arn:aws:iam::1:root\"}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resorce\":\"*\"}", "{\"Effect\":\"Allow\",\"Action\":[]}",
            "{\"Effect\":\"Allow\",\"Action\":[null]}", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":\"x\"}}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":null}}}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":[{}]}}}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":[]}", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":{\"AWS\":{}}}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":{}}", "{\"Effect\":null,\"Action\":\"*\"}",
            "{\"Effect\":\"\\u0000Allow\",\"Action\":\"*\"}", "{\"Effect\":\"Allow\",\"Action\":\"\\ud800\"}",
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Action\":\"s3:*\"}", "[]", "null", "\"Allow\"", "42"};
        List<Doc> out = new ArrayList<>();
        for (String s : statements) {
            out.add(new Doc("malformed statement", "{\"Version\":\"2012-10-17\",\"Statement\":[" + s + "]}", false));
            out.add(new Doc("malformed statement", "{\"Version\":\"2012-10-17\",\"Statement\":" + s + "}", false));
        }
        for (String doc : new String[] {"", " ", "{}", "[]", "null", "\"text\"", "{\"Statement\":null}",
            "{\"Version\":2012,\"Statement\":[]}", "{\"Statement\":[]} trailing", "{\"Statement\":[]}{\"Statement\":[]}",
            "\u0000", "{\"Statement\":[],\"Version\":\"2012-10-17\",\"Version\":\"2008-10-17\"}"}) {
            out.add(new Doc("malformed document", doc, doc.isBlank()));
        }
        return out;
    }

    static List<Doc> deeplyNested() {
        List<Doc> out = new ArrayList<>();
        for (int depth : new int[] {40, 900, 1_001, 100_000, 1_000_000}) {
            String arrays = "[".repeat(depth) + "]".repeat(depth);
            String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            out.add(new Doc("deeply nested JSON (" + depth + ")", arrays, false));
            out.add(new Doc("deeply nested JSON (" + depth + ")",
                    "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":" + objects + "}]}", false));
            out.add(new Doc("deeply nested JSON (" + depth + ")",
                    "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + arrays + "}]}", false));
            out.add(new Doc("deeply nested JSON (" + depth + ")", "{\"Statement\":" + arrays + "}", false));
            out.add(new Doc("deeply nested JSON (" + depth + ")",
                    "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":" + objects + "}]}", false));
        }
        return out;
    }

    /** Documents far beyond anything IAM stores (its largest, a bucket policy, is 20 KB). */
    static List<Doc> huge() {
        List<Doc> out = new ArrayList<>();
        int tenMb = 10 << 20;
        String resources = resourceList(tenMb);
        out.add(new Doc("10 MB document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":" + resources + "}]}", true));
        out.add(new Doc("10 MB document", "{\"Statement\":[{\"Sid\":\"" + "a".repeat(tenMb) + "\",\"Effect\":\"Allow\",\"Action\":\"*\"}]}", true));
        out.add(new Doc("10 MB document", " ".repeat(tenMb) + "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"}]}", true));
        out.add(new Doc("10 MB document", encode("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":"
                + resourceList(tenMb / 3) + "}]}"), true));
        out.add(new Doc("10 MB document", "{\"Statement\":[" + "{\"Effect\":\"Deny\",\"Action\":\"*\"},".repeat(tenMb / 32)
                + "{\"Effect\":\"Allow\",\"Action\":\"*\"}]}", true));
        for (int values : new int[] {100_000, 1_000_000}) {
            out.add(new Doc("condition values (" + values + ")", conditionValues(values), false));
        }
        out.add(new Doc("long number", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":"
                + "{\"NumericLessThan\":{\"s3:max-keys\":" + "9".repeat(100_000) + "}}}]}", false));
        out.add(new Doc("long key", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"" + "k".repeat(200_000) + "\":\"v\"}}}]}", false));
        return out;
    }

    /** A policy whose one condition lists {@code count} values: bounded time to load, or a clear refusal. */
    static String conditionValues(int count) {
        StringBuilder s = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:username\":[");
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : ",").append("\"user-").append(i).append('"');
        }
        return s.append("]}}}]}").toString();
    }

    private static String resourceList(int bytes) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; s.length() < bytes; i++) {
            s.append(i == 0 ? "" : ",").append("\"arn:aws:s3:::bucket-").append(i).append("/*\"");
        }
        return s.append(']').toString();
    }

    static List<Doc> urlEncoding() {
        String encoded = encode(tree().toString());
        List<Doc> out = new ArrayList<>();
        int mid = encoded.length() / 2;
        for (String bad : new String[] {encoded.substring(0, encoded.lastIndexOf('%') + 1),
            encoded.substring(0, encoded.lastIndexOf('%') + 2), encoded.replaceFirst("%22", "%G2"),
            encoded.replaceFirst("%22", "%2"), encoded.replaceFirst("%22", "%22%FF%FE"),
            encoded.replaceFirst("%22", "%C0%A2"), encoded.replaceFirst("%22", "%ED%A0%80"),
            encoded.replace("%", "%25"), encoded.substring(0, mid), encoded.replaceFirst("%22", "%22%00"),
            encoded.replace("%20", "+"), "%", "%%", "%7", "%7B", encoded + "%", encoded.replaceFirst("%7B", "%7b%7b")}) {
            out.add(new Doc("bad URL-encoding", bad, false));
        }
        return out;
    }

    static String encode(String json) {
        return java.net.URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode tree() {
        try {
            return JSON.readTree(SEED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
