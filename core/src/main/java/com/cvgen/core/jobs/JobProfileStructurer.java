package com.cvgen.core.jobs;

import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobProfile;
import java.util.Optional;

/**
 * Reads an uploaded job profile into a {@link JobProfile}: offline ({@link JobProfileReader}) or with
 * a language model ({@code com.cvgen.core.llm.LlmJobStructurer}). Bad input fails with
 * {@link com.cvgen.core.CvInputException} either way.
 */
public interface JobProfileStructurer {
  /** Reads a PDF, JSON or text job profile, told by content; {@code fileName} is a hint and for messages. */
  Reading read(byte[] content, String fileName);

  /**
   * As {@link #read(byte[], String)}, with a model's calls bounded by {@code budget} in all: for a
   * caller that waits, such as saving a profile over HTTP. The offline reading needs no budget.
   */
  default Reading read(byte[] content, String fileName, java.time.Duration budget) {
    return read(content, fileName);
  }

  /**
   * A job profile and how it was made.
   *
   * @param structurer "offline-v1", or the model structurer's id
   * @param usage the model's tokens, when a model structured it
   * @param note for the job's step: how the profile was structured, or why the model was not used
   */
  record Reading(JobProfile profile, String structurer, Optional<Job.TokenUsage> usage, String note) {
    public static Reading offline(JobProfile profile) {
      return new Reading(profile, OFFLINE, Optional.empty(), null);
    }
  }

  String OFFLINE = "offline-v1";

  /** The offline reader as a structurer. */
  static JobProfileStructurer offline(JobProfileReader reader) {
    return (content, fileName) -> Reading.offline(reader.read(content, fileName));
  }
}
