/**
 * Bearer-token authentication for the HTTP API: every route except health reads {@code
 * Authorization: Bearer <token>} with {@link com.cvgen.functions.auth.BearerAuth}, and jobs belong
 * to the {@link com.cvgen.functions.auth.Principal}'s subject. Two {@link
 * com.cvgen.functions.auth.TokenVerifier}s: {@link com.cvgen.functions.auth.LocalTokens} (HS256
 * tokens the embedded host mints with a secret from its settings) and {@link
 * com.cvgen.functions.auth.EntraTokenVerifier} (Entra ID access tokens in Azure). Behind a linked
 * Azure Static Web App, and only when told to trust it, a request without a token is authenticated
 * by the {@link com.cvgen.functions.auth.StaticWebAppPrincipal} header instead.
 */
package com.cvgen.functions.auth;
