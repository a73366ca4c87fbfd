package com.cvgen.functions.http;

import com.cvgen.functions.auth.AuthException;
import com.cvgen.functions.auth.Principal;
import com.cvgen.functions.wiring.Composition;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every API route but health runs first: authentication (401), then the caller's request
 * limit (429).
 */
final class Authenticated {
  private Authenticated() {}

  static HttpResponseMessage run(Composition app, HttpRequestMessage<?> request,
      Function<Principal, HttpResponseMessage> handler) {
    Principal user;
    try {
      user = app.auth().authenticate(request.getHeaders());
    } catch (AuthException e) {
      return ApiResponses.unauthorized(request, e);
    }
    Optional<HttpResponseMessage> limited = app.rateLimits().request(request, user);
    if (limited.isPresent()) return limited.get();
    return handler.apply(user);
  }
}
