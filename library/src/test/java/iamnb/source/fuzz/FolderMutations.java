package iamnb.source.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import iamnb.source.internal.Times;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Mutations of one snapshot folder, drawn from a seeded random source: each picks a file of the folder and
 * breaks it in one way. The folder itself is copied fresh for every case; a mutation only edits the copy.
 */
final class FolderMutations {
    /** A place-holder written into the JSON tree and then replaced by raw text no tree can hold (1e999999, [[[[…). */
    static final String RAW = "@@raw@@";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Dates that are wrong in every way a tool or a hand edit gets them wrong. */
    static final List<String> BAD_DATES = List.of("2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z",
            "2024-01-15T25:61:61Z", "2024-01-15", "15/01/2024 10:00", "not a date", "", " ",
            "99999999999999999999", "999999999999999999999999999999.5", "-1", "1e400", "+999999999-12-31T23:59:59Z",
            "2024-01-15T10:00:00+25:00", "2024-01-15T10:00:00.1234567891Z", "0000-00-00T00:00:00Z",
            "2024-01-15T10:00:00ZZ", "9999999999-01-01T00:00:00Z", "2024-01-15T10:00:00+00:00:00", "T");
    /** Raw JSON values that stress number handling. */
    static final List<String> HUGE_NUMBERS = List.of("1e999999", "-1e999999", "123456789012345678901234567890",
            "9".repeat(999), "9".repeat(5000), "1." + "0".repeat(2000), "-0", "2147483648", "-2147483649",
            "9223372036854775808", "1e-999999", "0.0000000000000000000000001");

    private final Path base;
    private final List<String> jsonFiles;
    private final List<String> csvFiles;
    private final SplittableRandom random;

    FolderMutations(Path base, SplittableRandom random) throws IOException {
        this.base = base;
        this.random = random;
        try (var walk = Files.walk(base)) {
            List<String> files = walk.filter(Files::isRegularFile).map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            this.jsonFiles = files.stream().filter(f -> f.endsWith(".json")).toList();
            this.csvFiles = files.stream().filter(f -> f.endsWith(".csv")).toList();
        }
    }

    /** {@code count} cases of every kind that applies to JSON files, and CSV cases when the folder has a CSV. */
    List<FuzzCase> cases(String label, int count) {
        List<FuzzCase> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(truncate(label, any()));
            out.add(wrongType(label, pick(jsonFiles)));
            out.add(missingKey(label, pick(jsonFiles)));
            out.add(badDate(label));
            out.add(hugeNumber(label, pick(jsonFiles)));
            out.add(invalidUtf8(label, any()));
        }
        for (int i = 0; i < Math.max(1, count / 2); i++) {
            out.add(crlf(label, any()));
            out.add(bom(label, any()));
            out.add(deeplyNested(label, pick(jsonFiles), List.of(200, 990, 1_500, 100_000).get(i % 4)));
            out.add(badUrlEncoding(label, i));
        }
        if (!csvFiles.isEmpty()) {
            for (int i = 0; i < count; i++) {
                out.add(csvColumns(label, i));
            }
        }
        out.add(utf16(label, "gaad.json"));
        out.add(utf16(label, pick(jsonFiles)));
        out.addAll(symlinks(label));
        out.addAll(largeFiles(label));
        out.add(empty(label, "gaad.json"));
        out.add(empty(label, pick(jsonFiles)));
        out.add(new FuzzCase("file is a folder", label, "gaad.json", dir -> {
            Files.delete(dir.resolve("gaad.json"));
            Files.createDirectories(dir.resolve("gaad.json/inside"));
        }, true));
        return out;
    }

    private String any() {
        List<String> all = new ArrayList<>(jsonFiles);
        all.addAll(csvFiles);
        return pick(all);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    // ---- byte-level mutations -------------------------------------------------------------------------------

    private FuzzCase truncate(String label, String file) {
        double keep = random.nextDouble();
        return new FuzzCase("truncation", label, file, dir -> {
            byte[] b = Files.readAllBytes(dir.resolve(file));
            Files.write(dir.resolve(file), java.util.Arrays.copyOf(b, (int) (b.length * keep)));
        }, false);
    }

    private FuzzCase invalidUtf8(String label, String file) {
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] insert = bad[random.nextInt(bad.length)];
        double at = random.nextDouble();
        boolean inString = random.nextBoolean();
        return new FuzzCase("invalid UTF-8", label, file, dir -> {
            byte[] b = Files.readAllBytes(dir.resolve(file));
            int pos = (int) (b.length * at);
            if (inString) {
                // inside a string value, where a JSON parser reads it as text rather than as structure
                int quote = indexOf(b, (byte) '"', pos);
                pos = quote < 0 ? pos : quote + 1;
            }
            byte[] out = new byte[b.length + insert.length];
            System.arraycopy(b, 0, out, 0, pos);
            System.arraycopy(insert, 0, out, pos, insert.length);
            System.arraycopy(b, pos, out, pos + insert.length, b.length - pos);
            Files.write(dir.resolve(file), out);
        }, false);
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private FuzzCase crlf(String label, String file) {
        return new FuzzCase("CRLF line ends", label, file, dir -> {
            String t = Files.readString(dir.resolve(file));
            Files.writeString(dir.resolve(file), t.replace("\r\n", "\n").replace("\n", "\r\n"));
        }, false);
    }

    private FuzzCase bom(String label, String file) {
        return new FuzzCase("UTF-8 byte order mark", label, file, dir -> {
            byte[] b = Files.readAllBytes(dir.resolve(file));
            byte[] out = new byte[b.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(b, 0, out, 3, b.length);
            Files.write(dir.resolve(file), out);
        }, false);
    }

    /** What Windows PowerShell 5's {@code >} writes: UTF-16LE with a byte order mark. */
    private FuzzCase utf16(String label, String file) {
        return new FuzzCase("UTF-16 (PowerShell redirect)", label, file, dir -> {
            String t = Files.readString(dir.resolve(file));
            Files.write(dir.resolve(file), ("\uFEFF" + t).getBytes(StandardCharsets.UTF_16LE));
        }, false);
    }

    private FuzzCase empty(String label, String file) {
        return new FuzzCase("empty file", label, file, dir -> Files.write(dir.resolve(file), new byte[0]), true);
    }

    // ---- JSON tree mutations --------------------------------------------------------------------------------

    private FuzzCase wrongType(String label, String file) {
        long seed = random.nextLong();
        return new FuzzCase("wrong JSON type", label, file, dir -> editTree(dir, file, root -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<Slot> slots = slots(root, n -> true);
            if (slots.isEmpty()) {
                return F.numberNode(1);
            }
            Slot s = slots.get(r.nextInt(slots.size()));
            s.set(otherType(s.get(), r));
            return root;
        }), false);
    }

    private FuzzCase missingKey(String label, String file) {
        long seed = random.nextLong();
        return new FuzzCase("missing key", label, file, dir -> editTree(dir, file, root -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<Slot> fields = slots(root, n -> true).stream().filter(s -> s.parent().isObject()).toList();
            if (!fields.isEmpty()) {
                Slot s = fields.get(r.nextInt(fields.size()));
                ((ObjectNode) s.parent()).remove(s.field());
            }
            return root;
        }), false);
    }

    private FuzzCase badDate(String label) {
        String date = pick(BAD_DATES);
        long seed = random.nextLong();
        // a date that looks like a number is also tried as a JSON number, as CLI v1 prints epoch seconds
        boolean asNumber = random.nextBoolean() && date.matches("-?[0-9.e]+");
        // only files that hold a timestamp somewhere; fall back to gaad.json, which always does
        String file = jsonFiles.stream().filter(f -> !timestamps(read(f)).isEmpty()).toList().isEmpty()
                ? "gaad.json" : pick(jsonFiles.stream().filter(f -> !timestamps(read(f)).isEmpty()).toList());
        return new FuzzCase("bad date", label, file + " <- \"" + date + "\"", dir -> editTree(dir, file, root -> {
            List<Slot> dates = timestamps(root);
            if (!dates.isEmpty()) {
                Slot s = dates.get(new SplittableRandom(seed).nextInt(dates.size()));
                s.set(asNumber ? F.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(date))
                        : TextNode.valueOf(date));
            }
            return root;
        }), false);
    }

    private FuzzCase hugeNumber(String label, String file) {
        String number = pick(HUGE_NUMBERS);
        long seed = random.nextLong();
        return new FuzzCase("huge number", label, file + " <- " + abbreviate(number), dir -> editTreeRaw(dir, file,
                number, root -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    List<Slot> values = slots(root, JsonNode::isValueNode);
                    List<Slot> numbers = values.stream().filter(s -> s.get().isNumber()).toList();
                    List<Slot> from = numbers.isEmpty() || r.nextBoolean() ? values : numbers;
                    if (!from.isEmpty()) {
                        from.get(r.nextInt(from.size())).set(TextNode.valueOf(RAW));
                    }
                    return root;
                }), false);
    }

    private FuzzCase deeplyNested(String label, String file, int depth) {
        long seed = random.nextLong();
        String raw = "[".repeat(depth) + "]".repeat(depth);
        return new FuzzCase("deeply nested JSON (" + depth + ")", label, file, dir -> editTreeRaw(dir, file, raw, root -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<Slot> slots = slots(root, n -> true);
            if (!slots.isEmpty()) {
                slots.get(r.nextInt(slots.size())).set(TextNode.valueOf(RAW));
            }
            return root;
        }), false);
    }

    /** A policy document in gaad.json replaced by a URL-encoded string broken in one of several ways. */
    private FuzzCase badUrlEncoding(String label, int i) {
        String[] breakages = {"truncated escape", "bad hex", "invalid UTF-8 escape", "lone percent", "double-encoded",
            "cut in half", "overlong UTF-8", "percent-encoded NUL"};
        String how = breakages[i % breakages.length];
        long seed = random.nextLong();
        return new FuzzCase("bad URL-encoding (" + how + ")", label, "gaad.json", dir -> editTree(dir, "gaad.json", root -> {
            List<Slot> docs = slots(root, n -> true).stream()
                    .filter(s -> s.field() != null && (s.field().endsWith("PolicyDocument") || s.field().equals("Document")))
                    .toList();
            if (!docs.isEmpty()) {
                Slot s = docs.get(new SplittableRandom(seed).nextInt(docs.size()));
                String encoded = s.get().isTextual() ? s.get().asText() : encode(s.get().toString());
                s.set(TextNode.valueOf(breakEncoding(encoded, how)));
            }
            return root;
        }), false);
    }

    private static String encode(String json) {
        return java.net.URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String breakEncoding(String encoded, String how) {
        int mid = encoded.length() / 2;
        return switch (how) {
            case "truncated escape" -> encoded.substring(0, encoded.lastIndexOf('%') + 2);
            case "bad hex" -> encoded.replaceFirst("%22", "%G2");
            case "invalid UTF-8 escape" -> encoded.replaceFirst("%22", "%22%FF%FE");
            case "lone percent" -> encoded.substring(0, mid) + "%" + encoded.substring(mid).replace("%", "");
            case "double-encoded" -> encoded.replace("%", "%25");
            case "cut in half" -> encoded.substring(0, mid);
            case "overlong UTF-8" -> encoded.replaceFirst("%22", "%C0%A2");
            default -> encoded.replaceFirst("%22", "%22%00");
        };
    }

    // ---- CSV ------------------------------------------------------------------------------------------------

    private FuzzCase csvColumns(String label, int i) {
        String[] kinds = {"header lacks a column", "row lacks a field", "row has an extra field",
            "header has an extra column", "unclosed quote", "blank header", "bad time in a row", "rows only"};
        String how = kinds[i % kinds.length];
        String file = pick(csvFiles);
        long seed = random.nextLong();
        return new FuzzCase("CSV " + how, label, file, dir -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(file)));
            int row = 1 + r.nextInt(Math.max(1, lines.size() - 1));
            switch (how) {
                case "header lacks a column" -> lines.set(0, dropField(lines.get(0), r));
                case "row lacks a field" -> lines.set(row, dropField(lines.get(row), r));
                case "row has an extra field" -> lines.set(row, lines.get(row) + ",extra");
                case "header has an extra column" -> lines.set(0, lines.get(0) + ",future_column");
                case "unclosed quote" -> lines.set(row, lines.get(row).replaceFirst(",", ",\""));
                case "blank header" -> lines.set(0, "");
                case "bad time in a row" -> lines.set(row, lines.get(row).replaceFirst("\\d{4}-\\d\\d-\\d\\dT[^,]*",
                        pick(BAD_DATES).replace(",", "")));
                default -> lines.remove(0);
            }
            Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n");
        }, false);
    }

    private static String dropField(String line, SplittableRandom r) {
        List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
        fields.remove(r.nextInt(fields.size()));
        return String.join(",", fields);
    }

    // ---- the file system ------------------------------------------------------------------------------------

    private List<FuzzCase> symlinks(String label) {
        String side = pick(jsonFiles.stream().filter(f -> !f.equals("gaad.json")).toList());
        List<FuzzCase> out = new ArrayList<>(List.of(
                new FuzzCase("symlink loop", label, "gaad.json", dir -> selfLink(dir, "gaad.json"), true),
                new FuzzCase("symlink loop", label, side, dir -> selfLink(dir, side), true),
                new FuzzCase("symlink loop", label, "gaad.json", dir -> {
                    Files.delete(dir.resolve("gaad.json"));
                    Files.createSymbolicLink(dir.resolve("gaad.json"), Path.of("other.json"));
                    Files.createSymbolicLink(dir.resolve("other.json"), Path.of("gaad.json"));
                }, true),
                new FuzzCase("symlink loop", label, "buckets", dir -> {
                    Files.createDirectories(dir.resolve("buckets"));
                    Files.createSymbolicLink(dir.resolve("buckets/loop"), Path.of("."));
                }, true)));
        if (jsonFiles.contains("organization/ous/r-a1b2.json")) {
            out.add(new FuzzCase("symlink loop", label, "organization/ous/r-a1b2.json", dir -> {
                    Files.createDirectories(dir.resolve("organization/ous"));
                    Files.deleteIfExists(dir.resolve("organization/ous/r-a1b2.json"));
                    Files.createSymbolicLink(dir.resolve("organization/ous/r-a1b2.json"), Path.of("r-a1b2.json.tmp"));
                    Files.createSymbolicLink(dir.resolve("organization/ous/r-a1b2.json.tmp"), Path.of("r-a1b2.json"));
                }, true));
        }
        return out;
    }

    private static void selfLink(Path dir, String file) throws IOException {
        Path p = dir.resolve(file);
        Files.delete(p);
        Files.createSymbolicLink(p, p.getFileName());
    }

    /** Sparse files: the length is real, the disk blocks are not, so a 3 GB file costs nothing to make. */
    private List<FuzzCase> largeFiles(String label) {
        List<FuzzCase> out = new ArrayList<>();
        List<String> targets = new ArrayList<>(List.of("gaad.json", pick(jsonFiles)));
        if (!csvFiles.isEmpty()) {
            targets.add(pick(csvFiles));
        }
        for (String file : targets) {
            out.add(new FuzzCase("very large file (3 GB)", label, file, dir -> sparse(dir.resolve(file), 3L << 30), true));
        }
        return out;
    }

    private static void sparse(Path file, long length) throws IOException {
        byte[] head = Files.readAllBytes(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
            f.seek(0);
            f.write(head, 0, Math.min(head.length, 64));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private JsonNode read(String file) {
        try {
            return JSON.readTree(base.resolve(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Slot> timestamps(JsonNode root) {
        return slots(root, n -> n.isTextual() && n.asText().length() >= 10 && Times.parse(n.asText()).isPresent()
                && n.asText().contains("T"));
    }

    interface Edit {
        JsonNode apply(JsonNode root);
    }

    private static void editTree(Path dir, String file, Edit edit) throws IOException {
        JsonNode root = JSON.readTree(dir.resolve(file).toFile());
        Files.writeString(dir.resolve(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(edit.apply(root)));
    }

    private static void editTreeRaw(Path dir, String file, String raw, Edit edit) throws IOException {
        JsonNode root = JSON.readTree(dir.resolve(file).toFile());
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(edit.apply(root));
        Files.writeString(dir.resolve(file), text.replace("\"" + RAW + "\"", raw));
    }

    private static JsonNode otherType(JsonNode current, SplittableRandom r) {
        List<JsonNode> choices = new ArrayList<>(List.of(F.numberNode(42), F.booleanNode(true), F.nullNode(),
                TextNode.valueOf("text"), F.objectNode(), F.arrayNode(), F.arrayNode().add(1).add(F.objectNode()),
                F.objectNode().set("Unexpected", F.arrayNode().add(F.arrayNode()))));
        choices.removeIf(c -> c.getNodeType() == current.getNodeType());
        return choices.get(r.nextInt(choices.size()));
    }

    /** A place in a tree that can be replaced: a field of an object or an element of an array. */
    record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    /** Every slot whose value passes {@code filter}, walked without recursion. */
    static List<Slot> slots(JsonNode root, Predicate<JsonNode> filter) {
        List<Slot> out = new ArrayList<>();
        List<JsonNode> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(todo.size() - 1);
            if (n.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (filter.test(e.getValue())) {
                        out.add(new Slot(n, e.getKey(), -1));
                    }
                    todo.add(e.getValue());
                }
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    if (filter.test(n.get(i))) {
                        out.add(new Slot(n, null, i));
                    }
                    todo.add(n.get(i));
                }
            }
        }
        return out;
    }

    static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 12) + "…(" + s.length() + " chars)";
    }

    static String abbreviate200(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…(" + s.length() + " chars)";
    }
}
