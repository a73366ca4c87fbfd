package com.cvgen.core.jobs;

/**
 * One piece of a job posting (a title, a bullet, a paragraph, a skills keyword group) with the
 * context it was read in, which decides how its skills, years, degrees and languages count.
 */
record Statement(String text, Context context) {
  /** Where a statement stands in the posting. */
  enum Context {
    /** The job title: what it names is required. */
    TITLE,
    /** A requirements or qualifications section (JSON: {@code qualifications}). */
    REQUIRED,
    /** A nice-to-have section. */
    PREFERRED,
    /** A languages section: read like requirements. */
    LANGUAGES,
    /** Responsibilities, the role, the tech stack, the intro (JSON: responsibilities, description). */
    ROLE,
    /** A section under a heading of unknown kind. */
    OTHER,
    /** About the company: counts only when the posting says nothing else. */
    COMPANY,
    /** Benefits, contact, how to apply, header fields: never read for requirements. */
    IGNORED
  }
}
