package com.cvgen.core.pipeline;

import com.cvgen.core.model.JobSteps;

/** Names of the pipeline's steps for messages. */
final class StepLabels {
  private StepLabels() {}

  static String label(String step) {
    return switch (step) {
      case JobSteps.EXTRACT -> "CV extraction";
      case JobSteps.RENDER_CV -> "Word CV";
      case JobSteps.FEEDBACK -> "Quality feedback";
      case JobSteps.MATCH -> "Match analysis";
      case JobSteps.OFFER -> "Offer document";
      case JobSteps.DASHBOARD -> "Dashboard";
      case JobSteps.COMPLETE -> "Completion";
      default -> step;
    };
  }
}
