package dev.incident.postmortem.drive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.DriveScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;

/** Builds the official Drive v3 client for a service account, at a configurable base URL. */
public final class DriveClients {

    private DriveClients() {}

    /**
     * A client that signs in with the service account's key file (its {@code token_uri} says where
     * tokens come from) and calls Drive at {@code rootUrl}.
     */
    public static Drive serviceAccount(Path credentialsFile, String rootUrl, Duration timeout)
            throws IOException {
        GoogleCredentials credentials;
        try (InputStream in = Files.newInputStream(credentialsFile)) {
            credentials =
                    ServiceAccountCredentials.fromStream(in)
                            .createScoped(List.of(DriveScopes.DRIVE));
        }
        HttpCredentialsAdapter auth = new HttpCredentialsAdapter(credentials);
        int millis = (int) timeout.toMillis();
        HttpRequestInitializer initializer =
                request -> {
                    auth.initialize(request);
                    request.setConnectTimeout(millis);
                    request.setReadTimeout(millis);
                };
        return new Drive.Builder(
                        new NetHttpTransport(), GsonFactory.getDefaultInstance(), initializer)
                .setRootUrl(rootUrl.endsWith("/") ? rootUrl : rootUrl + "/")
                .setApplicationName("incident-platform-postmortem-service")
                .build();
    }
}
