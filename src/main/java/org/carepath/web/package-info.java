/**
 * What every HTTP API of CarePath shares: errors as RFC 9457 problem details naming the bad fields
 * (400), unknown things (404) and conflicts (409), never a 500 for a user's mistake; and the OpenAPI
 * description. And what every server-rendered page shares: the layout ({@code templates/layout.html},
 * {@link org.carepath.web.PageLayouts}) with the council's name, who is signed in and the navigation each module
 * contributes for the viewer's roles ({@link org.carepath.web.PageNavigation}), the GOV.UK Frontend assets and one
 * Content-Security-Policy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web API conventions", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.carepath.web;
