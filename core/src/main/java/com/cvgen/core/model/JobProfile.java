package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A job profile in the JSON Resume job schema (bundled as {@code schema/job-schema.json}), plus
 * this product's normalised {@link Requirements} in {@code meta.cvgen}, beside the standard fields.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"title", "company", "type", "date", "description", "location", "remote", "salary",
    "experience", "responsibilities", "qualifications", "skills", "meta"})
public record JobProfile(
    String title,
    String company,
    String type,
    String date,
    String description,
    Basics.Location location,
    String remote,
    String salary,
    String experience,
    List<String> responsibilities,
    List<String> qualifications,
    List<Skill> skills,
    JobMeta meta) {

  public JobProfile {
    responsibilities = Lists.copy(responsibilities);
    qualifications = Lists.copy(qualifications);
    skills = Lists.copy(skills);
  }

  /** The requirements, or empty ones when none were derived. */
  public Requirements requirements() {
    return meta == null || meta.requirements() == null ? Requirements.NONE : meta.requirements();
  }

  public JobProfile withRequirements(Requirements requirements) {
    JobMeta m = meta == null ? new JobMeta(null, null, null, requirements)
        : new JobMeta(meta.canonical(), meta.version(), meta.lastModified(), requirements);
    return new JobProfile(title, company, type, date, description, location, remote, salary, experience,
        responsibilities, qualifications, skills, m);
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record JobMeta(String canonical, String version, String lastModified,
      @JsonProperty("cvgen") Requirements requirements) {}

  /**
   * What the job asks for, normalised for matching: skills by canonical name (see the skills
   * vocabulary) split into required and preferred, minimum years of experience, the lowest
   * education level that qualifies, and languages with CEFR levels.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Requirements(
      List<String> requiredSkills,
      List<String> preferredSkills,
      Integer minYearsExperience,
      EducationLevel educationLevel,
      List<LanguageRequirement> languages,
      String language) {

    public static final Requirements NONE = new Requirements(List.of(), List.of(), null, null, List.of(), null);

    public Requirements {
      requiredSkills = Lists.copy(requiredSkills);
      preferredSkills = Lists.copy(preferredSkills);
      languages = Lists.copy(languages);
    }
  }

  /** A language the job asks for, at a CEFR level (A1..C2, or NATIVE), required or a plus. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LanguageRequirement(String language, CefrLevel level, boolean required) {}
}
