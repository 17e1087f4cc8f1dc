package iamnb.runbook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A local IAM endpoint: a WireMock server on a random loopback port answering IAM's query protocol with the
 * XML IAM itself returns, and recording what it received. The SDK client under test is the real one, pointed
 * at this endpoint.
 */
final class LocalIam implements AutoCloseable {
    static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final IamClient client;

    LocalIam() {
        server.start();
        client = IamClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    int port() {
        return server.port();
    }

    IamClient client() {
        return client;
    }

    /** Answers every request of this action with {@code <ActionResult>result</ActionResult>} (no result: empty). */
    LocalIam answer(String action, String result) {
        return answerWhen(action, "", result, 5);
    }

    /** Answers requests of this action whose body also contains {@code bodyPart} (URL-encoded form). */
    LocalIam answerWhen(String action, String bodyPart, String result, int priority) {
        String xml = "<" + action + "Response xmlns=\"" + NS + "\">"
                + (result == null ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                + "</" + action + "Response>";
        server.stubFor(post(urlEqualTo("/"))
                .atPriority(priority)
                .withRequestBody(matching(bodyRegex(action, bodyPart)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml)));
        return this;
    }

    /** Answers this action with an IAM error document. */
    LocalIam fail(String action, int status, String code, String message) {
        String xml = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
        server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(matching(bodyRegex(action, "")))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(xml)));
        return this;
    }

    /** Removes every answer (the server then answers 404 to anything). */
    LocalIam reset() {
        server.resetMappings();
        return this;
    }

    private static String bodyRegex(String action, String bodyPart) {
        String base = "(^|.*&)Action=" + action + "(&.*|$)";
        return bodyPart.isEmpty() ? base : "(?=" + base + ")(?=.*" + java.util.regex.Pattern.quote(bodyPart) + ".*).*";
    }

    /** The requests received, oldest first, each as its decoded form parameters. */
    List<Map<String, String>> requests() {
        // WireMock lists serve events newest first.
        List<LoggedRequest> logged = new ArrayList<>(server.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
        java.util.Collections.reverse(logged);
        List<Map<String, String>> out = new ArrayList<>();
        for (LoggedRequest r : logged) {
            out.add(form(r.getBodyAsString()));
        }
        return out;
    }

    /** The actions received, in order. */
    List<String> actions() {
        return requests().stream().map(r -> r.get("Action")).toList();
    }

    static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
