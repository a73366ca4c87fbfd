package com.cvgen.core.extract;

/** The kinds of CV sections the offline structurer recognises. */
enum SectionType {
  HEADER, SUMMARY, CONTACT, PROFILES, WORK, EDUCATION, SKILLS, LANGUAGES, CERTIFICATES, PROJECTS, VOLUNTEER,
  AWARDS, PUBLICATIONS, INTERESTS, REFERENCES, OTHER
}
