package iamnb.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 message signatures over header, parent header, metadata and content.
 *
 * <p>An empty key disables signing (the spec's "no authentication"): messages are sent with an empty
 * signature and every incoming signature is accepted. With a key, {@link #verify} compares in constant time.
 */
public final class Signer {
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    private Signer(Mac prototype) {
        this.prototype = prototype;
    }

    public static Signer forKey(String key) {
        if (key.isEmpty()) {
            return new Signer(null);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return new Signer(mac);
        } catch (GeneralSecurityException e) {
            throw new ProtocolException("cannot initialise HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    public boolean enabled() {
        return prototype != null;
    }

    /** The lowercase hex signature of the parts, as ASCII bytes; empty when signing is disabled. */
    public byte[] sign(List<byte[]> parts) {
        if (prototype == null) {
            return new byte[0];
        }
        Mac mac = newMac();
        for (byte[] part : parts) {
            mac.update(part);
        }
        return HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII);
    }

    /** True when the signature matches (always true when signing is disabled). Constant-time comparison. */
    public boolean verify(byte[] signature, List<byte[]> parts) {
        if (prototype == null) {
            return true;
        }
        return MessageDigest.isEqual(sign(parts), signature);
    }

    private Mac newMac() {
        try {
            // Mac instances are not thread-safe; a clone of the initialised prototype is cheap.
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new ProtocolException("HMAC implementation is not cloneable", e);
        }
    }
}
