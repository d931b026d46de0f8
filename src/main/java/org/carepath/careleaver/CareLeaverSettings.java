package org.carepath.careleaver;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carepath.care-leavers.*}: whether the staying close duty applies (a council switches it on until the duty
 * is in force everywhere), and the council's local offer for care leavers, linked from every pathway plan.
 */
@ConfigurationProperties("carepath.care-leavers")
class CareLeaverSettings {

    private boolean stayingClose;
    private String localOfferUrl = "https://www.gov.uk/government/publications/local-offer-guidance";

    boolean isStayingClose() {
        return stayingClose;
    }

    public void setStayingClose(boolean stayingClose) {
        this.stayingClose = stayingClose;
    }

    String getLocalOfferUrl() {
        return localOfferUrl;
    }

    public void setLocalOfferUrl(String localOfferUrl) {
        this.localOfferUrl = localOfferUrl;
    }
}
