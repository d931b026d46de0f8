/**
 * Referral to assessment: contacts received at the front door, screened within one working day, and
 * the child and family assessment, strategy discussion, section 47 enquiry and initial child
 * protection conference that follow ({@code processes/referral-to-assessment.bpmn}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referral and assessment")
package org.carepath.referral;
