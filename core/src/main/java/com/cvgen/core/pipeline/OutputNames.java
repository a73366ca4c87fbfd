package com.cvgen.core.pipeline;

/** File names of a job's outputs, the same in a local output folder and in blob storage. */
public final class OutputNames {
  public static final String CV_DATA = "cv_data.json";
  public static final String CV_DOCX = "cv.docx";

  private OutputNames() {}
}
