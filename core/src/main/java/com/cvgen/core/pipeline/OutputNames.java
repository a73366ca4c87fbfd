package com.cvgen.core.pipeline;

/** File names of a job's outputs, the same in a local output folder and in blob storage. */
public final class OutputNames {
  public static final String CV_DATA = "cv_data.json";
  public static final String CV_DOCX = "cv.docx";
  public static final String FEEDBACK = "feedback.json";
  public static final String DASHBOARD = "dashboard.html";
  public static final String JOB_PROFILE = "job_profile.json";
  public static final String MATCH_RESULT = "match_result.json";
  public static final String OFFER_DOCX = "offer.docx";

  private OutputNames() {}
}
