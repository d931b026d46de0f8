/**
 * What every HTTP API of CarePath shares: errors as RFC 9457 problem details naming the bad fields
 * (400), unknown things (404) and conflicts (409), never a 500 for a user's mistake; and the OpenAPI
 * description.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web API conventions", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.carepath.web;
