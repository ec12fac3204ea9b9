package dev.incident.postmortem.drive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local server that answers like Google's OAuth token endpoint and Drive v3, with the documented
 * response shapes, and a real service account key file whose token_uri points at it.
 */
public final class FakeDrive implements AutoCloseable {

    public static final String TOKEN = "ya29.a0-test-access-token";
    public static final String UPLOAD = "/upload/drive/v3/files";
    public static final String FILES = "/drive/v3/files";

    private final WireMockServer server;
    private final Path credentialsFile;

    public FakeDrive() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        credentialsFile = writeServiceAccount(server.baseUrl() + "/token");
        reset();
    }

    /** Forgets all stubs and requests and answers the token endpoint and an empty search. */
    public void reset() {
        server.resetAll();
        server.stubFor(
                post(urlPathEqualTo("/token"))
                        .willReturn(
                                okJson(
                                        "{\"access_token\":\""
                                                + TOKEN
                                                + "\",\"expires_in\":3599,"
                                                + "\"token_type\":\"Bearer\"}")));
        server.stubFor(
                get(urlPathEqualTo(FILES)).atPriority(10).willReturn(okJson("{\"files\":[]}")));
        server.stubFor(
                post(urlPathMatching(FILES + "/[^/]+/permissions"))
                        .willReturn(
                                okJson("{\"kind\":\"drive#permission\",\"id\":\"0312345678\"}")));
    }

    public WireMockServer server() {
        return server;
    }

    public String rootUrl() {
        return server.baseUrl() + "/";
    }

    public Path credentialsFile() {
        return credentialsFile;
    }

    /** A multipart create that answers with the new Google Doc. */
    public static MappingBuilder create() {
        return post(urlPathEqualTo(UPLOAD)).withQueryParam("uploadType", equalTo("multipart"));
    }

    /** Drive's answer to a create or update with fields id,name,webViewLink. */
    public static ResponseDefinitionBuilder file(String id, String name) {
        return okJson(
                "{\"id\":\""
                        + id
                        + "\",\"name\":\""
                        + name
                        + "\",\"webViewLink\":"
                        + "\"https://docs.google.com/document/d/"
                        + id
                        + "/edit?usp=drivesdk\"}");
    }

    /** Drive's answer to a search that found one file. */
    public static ResponseDefinitionBuilder found(String id, String name) {
        return okJson(
                "{\"files\":[{\"id\":\""
                        + id
                        + "\",\"name\":\""
                        + name
                        + "\",\"webViewLink\":"
                        + "\"https://docs.google.com/document/d/"
                        + id
                        + "/edit?usp=drivesdk\"}]}");
    }

    /** Drive's error shape, e.g. 403 userRateLimitExceeded, 429 rateLimitExceeded. */
    public static ResponseDefinitionBuilder error(int status, String reason, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(
                        "{\"error\":{\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\""
                                + reason
                                + "\",\"message\":\""
                                + message
                                + "\"}],\"code\":"
                                + status
                                + ",\"message\":\""
                                + message
                                + "\"}}");
    }

    @Override
    public void close() {
        server.stop();
    }

    private static Path writeServiceAccount(String tokenUri) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String key =
                    Base64.getMimeEncoder(64, new byte[] {'\n'})
                            .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            String pem =
                    "-----BEGIN PRIVATE KEY-----\\n"
                            + key.replace("\n", "\\n")
                            + "\\n-----END PRIVATE KEY-----\\n";
            String json =
                    "{\"type\":\"service_account\",\"project_id\":\"incident-test\","
                            + "\"private_key_id\":\"0a1b2c\",\"private_key\":\""
                            + pem
                            + "\",\"client_email\":\"postmortems@incident-test.iam.gserviceaccount.com\","
                            + "\"client_id\":\"100000000000000000001\",\"token_uri\":\""
                            + tokenUri
                            + "\"}";
            Path file = Files.createTempFile("service-account", ".json");
            Files.writeString(file, json);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not write a service account key", e);
        }
    }
}
