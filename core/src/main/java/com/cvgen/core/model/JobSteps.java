package com.cvgen.core.model;

/**
 * The pipeline's steps as jobs list them, with their share of the work for the progress bar
 * (roughly their share of the time: extraction dominates).
 */
public final class JobSteps {
  public static final String EXTRACT = "extract";
  public static final String RENDER_CV = "render_cv";
  public static final String FEEDBACK = "feedback";
  public static final String MATCH = "match";
  public static final String OFFER = "offer";
  public static final String DASHBOARD = "dashboard";
  public static final String COMPLETE = "complete";

  private JobSteps() {}

  public static double weight(String step) {
    return switch (step) {
      case EXTRACT -> 40;
      case RENDER_CV -> 15;
      case FEEDBACK, MATCH, OFFER, DASHBOARD -> 10;
      case COMPLETE -> 5;
      default -> 10;
    };
  }

  /** The steps of a job, in order; match and offer only with a job profile. */
  public static java.util.List<String> stepsFor(boolean withJobProfile) {
    return withJobProfile
        ? java.util.List.of(EXTRACT, RENDER_CV, FEEDBACK, MATCH, OFFER, DASHBOARD, COMPLETE)
        : java.util.List.of(EXTRACT, RENDER_CV, FEEDBACK, DASHBOARD, COMPLETE);
  }
}
