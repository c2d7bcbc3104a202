package dev.ardoise.http.security;

/** The claims of an Ardoise token beyond the standard ones ({@code sub}, {@code groups}, {@code exp}). */
public final class TokenClaims {
    /** The stores the holder works for, an array of store ids. */
    public static final String STORES = "stores";
    /** The register a cashier's token was issued to, when it was. */
    public static final String REGISTER = "register";

    private TokenClaims() {
    }
}
