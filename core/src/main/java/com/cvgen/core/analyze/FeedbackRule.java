package com.cvgen.core.analyze;

import java.util.Locale;

/**
 * The rules of the {@link FeedbackAnalyzer}: each with a stable id (the {@code rule} of a finding in
 * {@code feedback.json}) and the category it is scored and grouped in. Severities are chosen per
 * finding (a rule may report an info or a warning depending on how serious the case is); see each
 * constant.
 */
public enum FeedbackRule {
  /** No name (error). */
  MISSING_NAME("missing-name", Category.CONTACT),
  /** No e-mail address (error). */
  MISSING_EMAIL("missing-email", Category.CONTACT),
  /** An e-mail address that cannot be one (warning). */
  INVALID_EMAIL("invalid-email", Category.CONTACT),
  /** No phone number (warning). */
  MISSING_PHONE("missing-phone", Category.CONTACT),
  /** A phone number with fewer than 6 or more than 16 digits (warning). */
  INVALID_PHONE("invalid-phone", Category.CONTACT),
  /** No city, region, country or address (info). */
  MISSING_LOCATION("missing-location", Category.CONTACT),
  /** No LinkedIn profile among the profiles and web address (info). */
  MISSING_LINKEDIN("missing-linkedin", Category.CONTACT),

  /** A work entry without a start date (warning). */
  WORK_START_MISSING("work-start-missing", Category.DATES),
  /** An education entry with neither start nor end date (info). */
  EDUCATION_DATES_MISSING("education-dates-missing", Category.DATES),
  /** A date that can be read neither as ISO nor as a CV date such as "March 2021" (warning). */
  DATE_UNREADABLE("date-unreadable", Category.DATES),
  /** An end date before the start date (error). */
  DATE_END_BEFORE_START("date-end-before-start", Category.DATES),
  /** A work entry that starts after the reference month (warning). */
  DATE_IN_FUTURE("date-in-future", Category.DATES),
  /** A work entry dated by years only (info). */
  DATE_YEAR_ONLY("date-year-only", Category.DATES),
  /** A work entry listed below one that started earlier (warning, once per CV). */
  WORK_NOT_REVERSE_CHRONOLOGICAL("work-not-reverse-chronological", Category.DATES),
  /** Two or more ongoing roles that are not marked part-time or freelance (info, once per CV). */
  WORK_SEVERAL_ONGOING("work-several-ongoing", Category.DATES),

  /** No work entry at all (error; warning when projects or volunteering stand in). */
  MISSING_WORK("missing-work", Category.EXPERIENCE),
  /** More than six months between consecutive roles (warning per gap). */
  WORK_GAP("work-gap", Category.EXPERIENCE),
  /** Two full-time roles overlapping by more than one month (info; warning over six months). */
  WORK_OVERLAP("work-overlap", Category.EXPERIENCE),
  /** A work entry without a job title (warning). */
  WORK_POSITION_MISSING("work-position-missing", Category.EXPERIENCE),
  /** A work entry without an employer (warning). */
  WORK_EMPLOYER_MISSING("work-employer-missing", Category.EXPERIENCE),
  /** A recent work entry with no highlights, summary or description (info). */
  WORK_WITHOUT_DETAILS("work-without-details", Category.EXPERIENCE),

  /** No profile summary (warning). */
  MISSING_SUMMARY("missing-summary", Category.CONTENT),
  /** A profile summary under 12 words (info). */
  SUMMARY_TOO_SHORT("summary-too-short", Category.CONTENT),
  /** Most highlights of a role without a figure (warning when none has one, else info). */
  HIGHLIGHTS_NOT_QUANTIFIED("highlights-not-quantified", Category.CONTENT),
  /** No education entry (info). */
  MISSING_EDUCATION("missing-education", Category.CONTENT),
  /** An education entry without institution (warning). */
  EDUCATION_INSTITUTION_MISSING("education-institution-missing", Category.CONTENT),
  /** An education entry without degree and field (info). */
  EDUCATION_DEGREE_MISSING("education-degree-missing", Category.CONTENT),
  /** No languages section (info). */
  MISSING_LANGUAGES("missing-languages", Category.CONTENT),

  /** A profile summary over 100 words (info). */
  SUMMARY_TOO_LONG("summary-too-long", Category.LENGTH),
  /** A highlight over 30 words or 200 characters (info). */
  HIGHLIGHT_TOO_LONG("highlight-too-long", Category.LENGTH),
  /** A role's summary or description over 80 words (info). */
  DESCRIPTION_TOO_LONG("description-too-long", Category.LENGTH),
  /** More than 3 pages, or more than 2 with under 10 years of experience (warning). */
  TOO_MANY_PAGES("too-many-pages", Category.LENGTH),

  /** No skills section (warning). */
  MISSING_SKILLS("missing-skills", Category.SKILLS),
  /** A listed skill no role, project or certificate mentions (info). */
  SKILL_WITHOUT_EVIDENCE("skill-without-evidence", Category.SKILLS),
  /** A skill listed twice (info). */
  DUPLICATE_SKILL("duplicate-skill", Category.SKILLS),

  /** Dates written in more than one format in the source document (info). */
  DATE_FORMATS_INCONSISTENT("date-formats-inconsistent", Category.FORMAT);

  /** What a rule looks at; findings are scored with a cap per category. */
  public enum Category {
    CONTACT, DATES, EXPERIENCE, CONTENT, LENGTH, SKILLS, FORMAT;

    /** The id in {@code feedback.json}, e.g. "contact". */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String id;
  private final Category category;

  FeedbackRule(String id, Category category) {
    this.id = id;
    this.category = category;
  }

  /** The stable id, e.g. "work-gap". */
  public String id() {
    return id;
  }

  public Category category() {
    return category;
  }
}
