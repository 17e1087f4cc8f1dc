package iamnb.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.kernel.display.api.Html;
import iamnb.kernel.display.api.Image;
import iamnb.kernel.display.api.Json;
import iamnb.kernel.display.api.Markdown;
import iamnb.kernel.display.api.Svg;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChartBuilder;

class RenderersTest {

    private final ObjectMapper json = DisplayJson.mapper();
    private final Displayer displayer = new Displayer(StandardRenderers.registerAll(new RendererRegistry()));

    public record Key(String user, Instant created, int ageDays) {}

    public record Grant(String user, java.util.Optional<String> via, java.util.Optional<Instant> lastUsed) {}

    public static final class Throwing {
        public Map<String, Object> toMimeBundle() {
            throw new IllegalStateException("boom");
        }

        @Override
        public String toString() {
            return "Throwing!";
        }
    }

    public static final class SelfRendered {
        public Map<String, Object> toMimeBundle() {
            return Map.of("text/html", "<b>me</b>", "application/json", "{\"a\": [1, 2]}", "image/png", new byte[] {1, 2, 3});
        }
    }

    @Test
    void chart_rendersSharpPngShownAtChartSize() {
        var chart = new CategoryChartBuilder().width(400).height(300).title("Key age").build();
        chart.addSeries("keys", List.of("a", "b"), List.of(3, 5));
        MimeBundle bundle = displayer.render(chart);
        String base64 = (String) bundle.data().get("image/png");
        assertFalse(base64.contains("\n"));
        byte[] png = Base64.getDecoder().decode(base64);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals(800, ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff),
                "drawn at twice the width");
        assertEquals(Map.of("width", 400, "height", 300), bundle.metadata().get("image/png"));
        assertFalse(bundle.data().containsKey("image/svg+xml"), "SVG only on request (nbconvert 6.5 blanks inline SVG)");
        assertEquals("Key age (400×300 chart)", bundle.plainText());
    }

    @Test
    void chartAsSvg_isAnInlineSvgWithoutXmlProlog() {
        var chart = new CategoryChartBuilder().width(400).height(300).title("Key age").build();
        chart.addSeries("keys", List.of("a", "b"), List.of(3, 5));
        String svg = (String) displayer.render(Svg.of(chart)).data().get("image/svg+xml");
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 60));
        assertTrue(svg.contains("<path") || svg.contains("<rect"), "has drawing elements");
    }

    @Test
    void bufferedImage_rendersBase64PngWithoutLineBreaks() {
        MimeBundle bundle = displayer.render(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB));
        String png = (String) bundle.data().get("image/png");
        assertTrue(png.startsWith("iVBORw0KGgo"), png.substring(0, 20));
        assertFalse(png.contains("\n") || png.contains("\r"));
        assertEquals("BufferedImage 300×200", bundle.plainText());
    }

    @Test
    void jsonNode_rendersJsonTreeAndPrettyText() throws Exception {
        JsonNode node = json.readTree("{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"]}");
        MimeBundle bundle = displayer.render(node);
        assertInstanceOf(JsonNode.class, bundle.data().get("application/json"));
        assertTrue(bundle.plainText().contains("\"Effect\" : \"Allow\",\n"), bundle.plainText());
    }

    @Test
    void record_rendersJsonWithIsoInstantsAndTypedText() {
        MimeBundle bundle = displayer.render(new Key("alice", Instant.parse("2024-01-02T03:04:05Z"), 42));
        JsonNode node = (JsonNode) bundle.data().get("application/json");
        assertEquals("2024-01-02T03:04:05Z", node.get("created").asText());
        assertEquals(42, node.get("ageDays").asInt());
        assertTrue(bundle.plainText().startsWith("Key {"), bundle.plainText());
    }

    @Test
    void record_whenItHasOptionals_thenJsonHoldsTheirValuesOrNull() {
        MimeBundle bundle = displayer.render(new Grant("alice", java.util.Optional.of("group:admins"),
                java.util.Optional.empty()));
        JsonNode node = (JsonNode) bundle.data().get("application/json");
        assertEquals("group:admins", node.get("via").asText());
        assertTrue(node.get("lastUsed").isNull(), node.toString());
    }

    @Test
    void collections_andArrays_renderTheirItemsCutAfterALimit() {
        assertEquals("[1, 2, 3]", displayer.render(new int[] {1, 2, 3}).plainText());
        assertEquals("{a=[x, y]}", displayer.render(Map.of("a", List.of("x", "y"))).plainText());
        String many = displayer.render(java.util.stream.IntStream.range(0, 1000).boxed().toList()).plainText();
        assertTrue(many.endsWith(", 99, … (900 more)]"), many.substring(many.length() - 30));
    }

    @Test
    void string_rendersWithoutQuotesAndIsNotTurnedIntoJson() {
        MimeBundle bundle = displayer.render("hello");
        assertEquals(Map.of("text/plain", "hello"), bundle.data());
    }

    @Test
    void toMimeBundle_normalizesJsonStringsAndImageBytes() {
        MimeBundle bundle = displayer.render(new SelfRendered());
        assertEquals("<b>me</b>", bundle.data().get("text/html"));
        JsonNode node = assertInstanceOf(JsonNode.class, bundle.data().get("application/json"));
        assertEquals(2, node.get("a").size());
        assertEquals("AQID", bundle.data().get("image/png"));
        assertTrue(bundle.data().containsKey("text/plain"));
    }

    @Test
    void toMimeBundle_whenItThrows_thenFallsBackToTextAndNamesTheRenderer() {
        var problems = new java.util.ArrayList<String>();
        MimeBundle bundle = displayer.render(new Throwing(), problems::add);
        assertEquals(Map.of("text/plain", "Throwing!"), bundle.data());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("renderer MimeBundleMethodRenderer failed"), problems.get(0));
        assertTrue(problems.get(0).contains("Throwing.toMimeBundle() threw java.lang.IllegalStateException: boom"), problems.get(0));
    }

    @Test
    void render_whenToStringThrows_thenStillGivesReadableText() {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new UnsupportedOperationException("no");
            }
        };
        assertTrue(displayer.render(hostile).plainText().contains("toString() threw java.lang.UnsupportedOperationException"));
    }

    @Test
    void valueTypes_renderTheirOwnMimeTypes() {
        assertEquals("**x**", displayer.render(Markdown.of("**x**")).data().get("text/markdown"));
        MimeBundle html = displayer.render(Html.of("<b>careful</b> &amp; slow"));
        assertEquals("<b>careful</b> &amp; slow", html.data().get("text/html"));
        assertEquals("careful & slow", html.plainText());
        assertInstanceOf(JsonNode.class, displayer.render(Json.of("[1,2]")).data().get("application/json"));
        assertEquals("<svg xmlns='http://www.w3.org/2000/svg'/>",
                displayer.render(Svg.of("<svg xmlns='http://www.w3.org/2000/svg'/>")).data().get("image/svg+xml"));
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 0, 0};
        assertEquals(Base64.getEncoder().encodeToString(gif), displayer.render(Image.of(gif)).data().get("image/gif"));
    }

    @Test
    void valueTypes_rejectBadInputWithClearMessages() {
        var json = assertThrows(IllegalArgumentException.class, () -> Json.of("{\"a\": }"));
        assertTrue(json.getMessage().contains("line 1"), json.getMessage());
        var image = assertThrows(IllegalArgumentException.class, () -> Image.of(new byte[] {1, 2, 3}));
        assertTrue(image.getMessage().contains("not a PNG, JPEG or GIF"));
        assertThrows(IllegalArgumentException.class, () -> Svg.of("<html/>"));
    }

    @Test
    void cellFormat_picksFewestDecimalsUpToFour() {
        assertEquals(0, CellFormat.decimalsNeeded(3.0));
        assertEquals(2, CellFormat.decimalsNeeded(1.25));
        assertEquals(4, CellFormat.decimalsNeeded(Math.PI));
    }
}
