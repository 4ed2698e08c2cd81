package com.azalea.products.catalog;

import com.azalea.products.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks HTTP to the service under test: admin calls with (or without) the token, public reads. */
public final class AdminClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    public AdminClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> admin(String method, String path, String body) {
        return send(request(method, path, body).header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN).build());
    }

    public HttpResponse<String> withoutToken(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = request(method, path, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** Creates through the admin API and returns the new id. */
    long create(String path, String body) {
        HttpResponse<String> response = admin("POST", path, body);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).get("id").asLong();
    }

    /** @param headers names and values, alternating */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    public JsonNode json(String text) {
        return json.readTree(text);
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
