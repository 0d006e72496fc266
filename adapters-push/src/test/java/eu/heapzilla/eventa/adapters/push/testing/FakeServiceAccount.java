package eu.heapzilla.eventa.adapters.push.testing;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service account made up at run time: an RSA 2048 key pair, the key file Google would hand
 * out for it (private key as PKCS#8 PEM), and the check of the signed JWT assertion its owner
 * sends to the token endpoint (RS256, issued by this account, not expired).
 */
final class FakeServiceAccount {

    private static final JsonFactory JSON = GsonFactory.getDefaultInstance();

    private final KeyPair keys;
    private final String clientEmail;

    FakeServiceAccount(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform can make RSA keys", e);
        }
        this.clientEmail = name + "@fake-fcm.test";
    }

    String clientEmail() {
        return clientEmail;
    }

    /** The key file: what {@code GOOGLE_APPLICATION_CREDENTIALS} names, with {@code tokenUri} to get tokens from. */
    String keyFile(String projectId, String tokenUri) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("type", "service_account");
        file.put("project_id", projectId);
        file.put("private_key_id", "fake-key-1");
        file.put("private_key", pem(keys.getPrivate().getEncoded()));
        file.put("client_email", clientEmail);
        file.put("client_id", "100000000000000000001");
        file.put("token_uri", tokenUri);
        try {
            return JSON.toPrettyString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why {@code assertion} is not a JWT this account signed and that is still valid; null when it is. */
    String refusal(String assertion, long nowSeconds) {
        if (assertion == null || assertion.isEmpty()) {
            return "no assertion";
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return "the assertion is not a signed JWT";
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            GenericJson header = JSON.fromString(new String(base64.decode(parts[0]), StandardCharsets.UTF_8), GenericJson.class);
            if (!"RS256".equals(header.get("alg"))) {
                return "the assertion is not signed with RS256";
            }
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(keys.getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(base64.decode(parts[2]))) {
                return "the assertion's signature does not match the account's key";
            }
            GenericJson claims = JSON.fromString(new String(base64.decode(parts[1]), StandardCharsets.UTF_8), GenericJson.class);
            if (!clientEmail.equals(claims.get("iss"))) {
                return "the assertion is issued by " + claims.get("iss") + ", not " + clientEmail;
            }
            if (!(claims.get("exp") instanceof Number expiry) || expiry.longValue() < nowSeconds) {
                return "the assertion has expired";
            }
            if (!(claims.get("scope") instanceof String scope) || scope.isBlank()) {
                return "the assertion asks for no scope";
            }
            return null;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return "the assertion cannot be read: " + e.getMessage();
        }
    }

    private static String pem(byte[] pkcs8) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8);
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }
}
