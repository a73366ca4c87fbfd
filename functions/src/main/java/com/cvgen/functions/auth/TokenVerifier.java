package com.cvgen.functions.auth;

/** Checks a bearer token (the part after {@code "Bearer "}) and says whose it is. */
public interface TokenVerifier {
  /**
   * @return the token's principal
   * @throws AuthException {@code invalid_token} or {@code token_expired}; never echoes the token
   */
  Principal verify(String token) throws AuthException;
}
